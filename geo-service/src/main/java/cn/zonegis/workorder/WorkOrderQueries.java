package cn.zonegis.workorder;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.zonegis.geo.FeatureStream;
import cn.zonegis.geo.GeometryRepair;
import cn.zonegis.geo.SridSql;
import org.locationtech.jts.geom.Geometry;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Lists and counts of work orders. Lists are GeoJSON that PostGIS writes, streamed row by
 * row, so a board over thousands of orders never holds them all in memory.
 */
@Repository
class WorkOrderQueries {

	private static final String FEATURE = """
			SELECT json_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.geom, 7, 0)::json,
				'properties', json_build_object('code', t.code, 'kind', t.kind, 'priority', t.priority, 'state', t.state,
					'description', t.description, 'assetType', t.asset_type, 'assetId', t.asset_id,
					'enterpriseId', t.enterprise_id, 'inspectionId', t.inspection_id, 'crewId', t.crew_id,
					'crewName', c.name, 'reportedBy', t.reported_by, 'dueAt', t.due_at, 'overdue', %1$s,
					'quantity', t.quantity, 'quantityUnit', t.quantity_unit, 'version', t.version,
					'createdAt', t.created_at, 'updatedAt', t.updated_at %2$s))::text
			FROM zonegis.work_order t LEFT JOIN zonegis.crew c ON c.id = t.crew_id %3$s
			WHERE %4$s
			ORDER BY %5$s
			LIMIT :limit
			""";

	private static final String COUNTS = """
			SELECT t.state, t.kind, count(*) AS n, count(*) FILTER (WHERE %s) AS overdue
			FROM zonegis.work_order t
			WHERE %s
			GROUP BY t.state, t.kind
			""";

	/**
	 * Work done: the quantities of orders completed and not sent back, per kind and unit.
	 */
	private static final String WORK_DONE = """
			SELECT t.kind, t.quantity_unit, count(*) AS n, sum(t.quantity) AS quantity
			FROM zonegis.work_order t
			WHERE t.state IN (:done) AND %s
			GROUP BY t.kind, t.quantity_unit
			ORDER BY t.kind, t.quantity_unit
			""";

	/**
	 * Inspections of enterprises, the problems they found and how many are rectified
	 * (闭环).
	 */
	private static final String INSPECTIONS = """
			SELECT count(*) FILTER (WHERE t.kind = 'inspection') AS inspections,
				count(DISTINCT t.enterprise_id) FILTER (WHERE t.kind = 'inspection') AS enterprises,
				count(*) FILTER (WHERE t.inspection_id IS NOT NULL) AS findings,
				count(*) FILTER (WHERE t.inspection_id IS NOT NULL AND t.state IN (:accepted)) AS rectified
			FROM zonegis.work_order t
			WHERE %s
			""";

	/**
	 * The road's centre lines, in the measuring CRS for the distance and as a buffer back
	 * in EPSG:4490 so the GiST index on the orders' points narrows the search first.
	 */
	private static final String NEAR_ROAD = """
			CROSS JOIN (SELECT ST_Transform(r.geom, {measureSrid}) AS line,
					ST_Transform(ST_Buffer(ST_Transform(r.geom, {measureSrid}), :distanceM), {storageSrid}) AS zone
				FROM (SELECT ST_GeomFromWKB(:road, {storageSrid}) AS geom) r) road
			""";

	private static final String NEAR_ROAD_DISTANCE = "round(ST_Distance(ST_Transform(t.geom, {measureSrid}), road.line)::numeric, 1)";

	private final NamedParameterJdbcTemplate jdbc;

	private final FeatureStream stream;

	private final SridSql srids;

	WorkOrderQueries(NamedParameterJdbcTemplate jdbc, FeatureStream stream, SridSql srids) {
		this.jdbc = jdbc;
		this.stream = stream;
		this.srids = srids;
	}

	/**
	 * Writes the orders the filter selects, soonest due first, as a FeatureCollection.
	 */
	void writeList(WorkOrderFilter filter, Actor actor, int limit, OutputStream out) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
		String sql = FEATURE.formatted(WorkOrderCollections.OVERDUE, "", "", filter.where(actor, params),
				"t.due_at, t.id");
		this.stream.writeCollection(sql, params, out);
	}

	/**
	 * Writes the orders within distanceM metres of the road's centre lines, nearest
	 * first.
	 */
	void writeNearRoad(Geometry road, double distanceM, WorkOrderFilter filter, Actor actor, int limit,
			OutputStream out) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit)
			.addValue("road", GeometryRepair.wkb(road))
			.addValue("distanceM", distanceM);
		String where = filter.where(actor, params) + " AND t.geom && road.zone AND ST_DWithin(ST_Transform(t.geom, "
				+ "{measureSrid}), road.line, :distanceM)";
		String sql = this.srids.render(FEATURE.formatted(WorkOrderCollections.OVERDUE,
				", 'distanceM', " + NEAR_ROAD_DISTANCE, NEAR_ROAD, where, NEAR_ROAD_DISTANCE + ", t.id"));
		this.stream.writeCollection(sql, params, out);
	}

	/** Counts by state and by kind, with how many are overdue. */
	Stats stats(WorkOrderFilter filter, Actor actor) {
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("done", WorkOrderLifecycle.valuesOf(WorkOrderLifecycle.done()))
			.addValue("accepted", WorkOrderLifecycle.valuesOf(WorkOrderLifecycle.accepted()));
		String sql = COUNTS.formatted(WorkOrderCollections.OVERDUE, filter.where(actor, params));
		Map<String, Long> byState = new LinkedHashMap<>();
		for (WorkOrderLifecycle state : WorkOrderLifecycle.values()) {
			byState.put(state.value(), 0L);
		}
		Map<String, Long> byKind = new LinkedHashMap<>();
		for (WorkOrderKind kind : WorkOrderKind.values()) {
			byKind.put(kind.value(), 0L);
		}
		Map<String, Map<String, Long>> byStateAndKind = new TreeMap<>();
		long[] totals = new long[2];
		this.jdbc.query(sql, params, (rs) -> {
			long n = rs.getLong("n");
			byState.merge(rs.getString("state"), n, Long::sum);
			byKind.merge(rs.getString("kind"), n, Long::sum);
			byStateAndKind.computeIfAbsent(rs.getString("state"), (s) -> new TreeMap<>()).put(rs.getString("kind"), n);
			totals[0] += n;
			totals[1] += rs.getLong("overdue");
		});
		List<WorkDone> workDone = this.jdbc.query(WORK_DONE.formatted(filter.where(actor, params)), params,
				(rs, i) -> new WorkDone(rs.getString("kind"), rs.getLong("n"), rs.getBigDecimal("quantity"),
						rs.getString("quantity_unit")));
		Inspections inspections = this.jdbc.queryForObject(INSPECTIONS.formatted(filter.where(actor, params)), params,
				(rs, i) -> new Inspections(rs.getLong("inspections"), rs.getLong("enterprises"), rs.getLong("findings"),
						rs.getLong("rectified")));
		return new Stats(totals[0], totals[1], byState, byKind, byStateAndKind, workDone, inspections);
	}

	/**
	 * Work order counts; overdue counts orders past their due time and not yet completed.
	 *
	 * @param workDone quantities of completed work per kind and unit (metres dredged,
	 * lamps replaced…)
	 * @param inspections enterprise inspections and their findings
	 */
	record Stats(long total, long overdue, Map<String, Long> byState, Map<String, Long> byKind,
			Map<String, Map<String, Long>> byStateAndKind, List<WorkDone> workDone, Inspections inspections) {
	}

	/**
	 * Completed orders of a kind and the work they did; quantity and unit are null where
	 * none was counted.
	 */
	record WorkDone(String kind, long orders, BigDecimal quantity, String unit) {
	}

	/**
	 * @param enterprises distinct enterprises inspected
	 * @param findings problems found (rectification orders raised)
	 * @param rectified findings verified or closed
	 */
	record Inspections(long inspections, long enterprises, long findings, long rectified) {
	}

}
