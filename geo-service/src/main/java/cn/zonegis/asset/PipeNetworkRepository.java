package cn.zonegis.asset;

import java.util.Optional;

import cn.zonegis.geo.SridSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rain, sewage and dedicated (一企一管) pipe network as a graph: pipes are edges
 * digitised in flow direction, wells are nodes (upstream_well_id → downstream_well_id).
 * PostGIS walks it with recursive CTEs and writes the GeoJSON; a trace names the
 * enterprises its dedicated pipes feed by id only (feeders), for the land feature to
 * name.
 */
@Repository
class PipeNetworkRepository {

	/**
	 * {@code %1$s} joins the next pipe n to the current pipe c in the walk's direction.
	 * UNION (not UNION ALL) drops pipes already reached, so a cycle ends the walk instead
	 * of looping.
	 */
	private static final String TRACE = """
			WITH RECURSIVE traced(id) AS (
				SELECT p.id FROM zonegis.pipe p WHERE p.id = :id
				UNION
				SELECT n.id FROM traced t
				JOIN zonegis.pipe c ON c.id = t.id
				JOIN zonegis.pipe n ON %1$s
			),
			pipes AS (
				SELECT p.*, ST_Length(ST_Transform(p.geom, {measureSrid})) AS length_m
				FROM zonegis.pipe p JOIN traced USING (id)
			),
			wells AS (
				SELECT w.* FROM zonegis.well w
				WHERE w.id IN (SELECT upstream_well_id FROM pipes UNION SELECT downstream_well_id FROM pipes)
			),
			feeders AS (
				SELECT d.enterprise_id, d.code FROM zonegis.pipe d
				WHERE d.kind = 'dedicated' AND (d.id IN (SELECT id FROM pipes) OR d.downstream_well_id IN (SELECT id FROM wells))
			)
			SELECT json_build_object(
				'pipeId', :id,
				'direction', :direction,
				'totalLengthM', (SELECT round(coalesce(sum(length_m), 0)::numeric, 2) FROM pipes),
				'pipeCount', (SELECT count(*) FROM pipes),
				'wellCount', (SELECT count(*) FROM wells),
				'pipes', json_build_object('type', 'FeatureCollection', 'features', coalesce((
					SELECT json_agg(json_build_object('type', 'Feature', 'id', p.id, 'geometry', ST_AsGeoJSON(p.geom, 7, 0)::json,
						'properties', json_build_object('code', p.code, 'kind', p.kind, 'diameter_mm', p.diameter_mm,
							'enterprise_id', p.enterprise_id, 'upstream_well_id', p.upstream_well_id,
							'downstream_well_id', p.downstream_well_id, 'length_m', round(p.length_m::numeric, 2)))
						ORDER BY p.id) FROM pipes p), '[]'::json)),
				'wells', json_build_object('type', 'FeatureCollection', 'features', coalesce((
					SELECT json_agg(json_build_object('type', 'Feature', 'id', w.id, 'geometry', ST_AsGeoJSON(w.geom, 7, 0)::json,
						'properties', json_build_object('code', w.code, 'kind', w.kind, 'cover_state', w.cover_state))
						ORDER BY w.id) FROM wells w), '[]'::json)),
				'feeders', coalesce((
					SELECT json_agg(json_build_object('enterpriseId', f.enterprise_id, 'pipes', f.codes))
					FROM (SELECT enterprise_id, json_agg(DISTINCT code) AS codes FROM feeders
						WHERE enterprise_id IS NOT NULL GROUP BY enterprise_id) f), '[]'::json)
			)::text
			FROM zonegis.pipe s WHERE s.id = :id
			""";

	/**
	 * A pipe end whose well is missing, or lies farther from the end than the tolerance.
	 */
	private static final String ENDS_WITHOUT_WELL = """
			SELECT coalesce(json_agg(json_build_object('pipeId', p.id, 'code', p.code, 'end', e.pipe_end,
				'wellId', e.well_id, 'distanceM', round(ST_Distance(e.pt::geography, w.geom::geography)::numeric, 2),
				'lon', ST_X(e.pt), 'lat', ST_Y(e.pt)) ORDER BY p.id, e.pipe_end DESC), '[]'::json)::text
			FROM zonegis.pipe p
			CROSS JOIN LATERAL (VALUES ('upstream', p.upstream_well_id, ST_StartPoint(p.geom)),
				('downstream', p.downstream_well_id, ST_EndPoint(p.geom))) e(pipe_end, well_id, pt)
			LEFT JOIN zonegis.well w ON w.id = e.well_id
			WHERE w.id IS NULL OR NOT ST_DWithin(e.pt::geography, w.geom::geography, :toleranceM)
			""";

	private static final String WELLS_WITHOUT_PIPE = """
			SELECT coalesce(json_agg(json_build_object('wellId', w.id, 'code', w.code,
				'lon', ST_X(w.geom), 'lat', ST_Y(w.geom)) ORDER BY w.id), '[]'::json)::text
			FROM zonegis.well w
			WHERE NOT EXISTS (SELECT 1 FROM zonegis.pipe p WHERE p.upstream_well_id = w.id OR p.downstream_well_id = w.id)
			""";

	/**
	 * Walks downstream from every pipe, only through pipes with a higher id than the
	 * start, so each cycle is found once, from its lowest pipe; a walk closes when it
	 * comes back to its start.
	 */
	private static final String CYCLES = """
			WITH RECURSIVE walk(start_id, id, path, closed) AS (
				SELECT p.id, p.id, ARRAY[p.id], false FROM zonegis.pipe p
				UNION ALL
				SELECT w.start_id, n.id, w.path || n.id, n.id = w.start_id
				FROM walk w
				JOIN zonegis.pipe c ON c.id = w.id
				JOIN zonegis.pipe n ON n.upstream_well_id = c.downstream_well_id
				WHERE NOT w.closed AND n.id >= w.start_id AND NOT n.id = ANY (w.path[2:])
			)
			SELECT coalesce(json_agg(json_build_object('pipeIds', w.path[1:cardinality(w.path) - 1],
				'codes', (SELECT json_agg(p.code ORDER BY i.ord) FROM unnest(w.path[1:cardinality(w.path) - 1])
					WITH ORDINALITY i(id, ord) JOIN zonegis.pipe p ON p.id = i.id)) ORDER BY w.start_id), '[]'::json)::text
			FROM walk w WHERE w.closed
			""";

	private final JdbcClient jdbc;

	private final SridSql srids;

	PipeNetworkRepository(JdbcClient jdbc, SridSql srids) {
		this.jdbc = jdbc;
		this.srids = srids;
	}

	/** The trace as JSON, or empty for an unknown pipe. */
	Optional<String> trace(long pipeId, TraceDirection direction) {
		return this.jdbc.sql(this.srids.render(TRACE.formatted(direction.nextPipe())))
			.param("id", pipeId)
			.param("direction", direction.name().toLowerCase())
			.query(String.class)
			.optional();
	}

	String endsWithoutWell(double toleranceM) {
		return this.jdbc.sql(ENDS_WITHOUT_WELL).param("toleranceM", toleranceM).query(String.class).single();
	}

	String wellsWithoutPipe() {
		return this.jdbc.sql(WELLS_WITHOUT_PIPE).query(String.class).single();
	}

	String cycles() {
		return this.jdbc.sql(CYCLES).query(String.class).single();
	}

}
