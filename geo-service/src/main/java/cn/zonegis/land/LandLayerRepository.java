package cn.zonegis.land;

import java.util.ArrayList;
import java.util.Collection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.zonegis.ReferencedRows;
import cn.zonegis.geo.GeometryRepair;
import cn.zonegis.geo.SridSql;
import cn.zonegis.geo.VersionHistorySql;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the {@link LandLayer}s. Table and column names come from the enum, never from a
 * request; every value is bound.
 */
@Repository
class LandLayerRepository {

	private static final String FEATURE = """
			json_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.geom, 9, 0)::json,
				'properties', %s)""";

	private static final String PROPERTIES = """
			json_build_object(%s, 'version', t.version, 'updated_at', t.updated_at, 'updated_by', t.updated_by%s)""";

	private static final String FIND = "SELECT t.id, t.version, %s::text AS feature FROM zonegis.%s t WHERE t.id = :id";

	private static final String LOCK = "SELECT version FROM zonegis.%s WHERE id = :id FOR UPDATE";

	private static final String INSERT = "INSERT INTO zonegis.%s (%s, created_by, updated_by) VALUES (%s, :user, :user) RETURNING id";

	private static final String UPDATE = """
			UPDATE zonegis.%s SET %s, version = version + 1, updated_at = now(), updated_by = :user WHERE id = :id
			""";

	private static final String DELETE = "DELETE FROM zonegis.%s WHERE id = :id";

	private static final String ENTERPRISES = """
			SELECT e.id, e.name, ST_X(e.geom) AS lon, ST_Y(e.geom) AS lat
			FROM zonegis.enterprise e WHERE e.id IN (:ids) ORDER BY e.name
			""";

	private static final String ZONES_OF_KIND = """
			SELECT z.id, z.name FROM zonegis.expansion_zone z WHERE z.kind = :kind ORDER BY z.code
			""";

	/** Coordinate decimals of the GeoJSON it writes, as FEATURE. */
	private static final int DECIMALS = 9;

	private static final VersionHistorySql HISTORY = new VersionHistorySql("land_layer_history", "layer", "feature_id");

	/** The stored rows of these codes, locked until the import commits. */
	private static final String IDS_BY_CODE = "SELECT code, id FROM zonegis.%s WHERE code = ANY (:codes) FOR UPDATE";

	/**
	 * Every row as a flat object for a sheet: its properties, id and geometry as the
	 * sheet's columns (%s), by code.
	 */
	private static final String SHEET_ROWS = """
			SELECT (%s::jsonb || jsonb_build_object('id', t.id, %s))::text FROM zonegis.%s t ORDER BY t.code
			""";

	private static final String EXISTING_IDS = "SELECT id FROM zonegis.%s WHERE id = ANY (:ids)";

	/**
	 * A referenced row, held until the transaction ends so that it cannot be deleted
	 * before the reference is written; FOR KEY SHARE is the lock a foreign key takes.
	 */
	private final JdbcClient jdbc;

	private final SridSql srids;

	LandLayerRepository(JdbcClient jdbc, SridSql srids) {
		this.jdbc = jdbc;
		this.srids = srids;
	}

	Optional<Stored> find(LandLayer layer, long id) {
		return this.jdbc.sql(FIND.formatted(feature(layer), layer.table()))
			.param("id", id)
			.query((rs, i) -> new Stored(rs.getLong("id"), rs.getInt("version"), rs.getString("feature")))
			.optional();
	}

	List<EnterpriseRef> enterprises(Collection<Long> ids) {
		return this.jdbc.sql(ENTERPRISES)
			.param("ids", ids)
			.query((rs, i) -> new EnterpriseRef(rs.getLong("id"), rs.getString("name"), rs.getDouble("lon"),
					rs.getDouble("lat")))
			.list();
	}

	List<ZoneRef> zonesOfKind(String kind) {
		return this.jdbc.sql(ZONES_OF_KIND)
			.param("kind", kind)
			.query((rs, i) -> new ZoneRef(rs.getLong("id"), rs.getString("name")))
			.list();
	}

	Optional<Integer> lockVersion(LandLayer layer, long id) {
		return this.jdbc.sql(LOCK.formatted(layer.table())).param("id", id).query(Integer.class).optional();
	}

	long insert(LandLayer layer, LandLayer.Row row, String user) {
		MapSqlParameterSource params = params(row, user);
		List<String> columns = new ArrayList<>(row.values().keySet());
		columns.addAll(row.geometries().keySet());
		List<String> values = new ArrayList<>();
		row.values().keySet().forEach((c) -> values.add(":" + c));
		row.geometries().forEach((c, g) -> values.add(geometryValue(c, g)));
		return this.jdbc.sql(INSERT.formatted(layer.table(), String.join(", ", columns), String.join(", ", values)))
			.paramSource(params)
			.query(Long.class)
			.single();
	}

	void update(LandLayer layer, long id, LandLayer.Row row, String user) {
		List<String> assignments = new ArrayList<>();
		row.values().keySet().forEach((c) -> assignments.add(c + " = :" + c));
		row.geometries().forEach((c, g) -> assignments.add(c + " = " + geometryValue(c, g)));
		this.jdbc.sql(UPDATE.formatted(layer.table(), String.join(", ", assignments)))
			.paramSource(params(row, user).addValue("id", id))
			.update();
	}

	void delete(LandLayer layer, long id) {
		this.jdbc.sql(DELETE.formatted(layer.table())).param("id", id).update();
	}

	void archive(LandLayer layer, long id, String change, String user) {
		this.jdbc.sql(HISTORY.archive(layer.table(), keptAttributes(layer)))
			.param("key", layer.table())
			.param("id", id)
			.param("change", change)
			.param("user", user)
			.update();
	}

	/**
	 * Every version of the row as a FeatureCollection, or empty when it never existed.
	 */
	Optional<String> history(LandLayer layer, long id) {
		String json = this.jdbc.sql(HISTORY.versions(layer.table(), keptAttributes(layer), DECIMALS))
			.param("key", layer.table())
			.param("id", id)
			.query(String.class)
			.single();
		return json.contains("\"Feature\"") ? Optional.of(json) : Optional.empty();
	}

	/**
	 * The rows as sheet rows, with the geometry as lon and lat (points) or wkt
	 * (footprints).
	 */
	List<String> sheetRows(LandLayer layer, boolean point) {
		String geometry = point ? "'lon', ST_X(t.geom), 'lat', ST_Y(t.geom)" : "'wkt', ST_AsText(t.geom)";
		return this.jdbc.sql(SHEET_ROWS.formatted(properties(layer), geometry, layer.table()))
			.query(String.class)
			.list();
	}

	Map<String, Long> idsByCode(LandLayer layer, Collection<String> codes) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql(IDS_BY_CODE.formatted(layer.table())).param("codes", codes.toArray(String[]::new)).query((rs) -> {
			ids.put(rs.getString("code"), rs.getLong("id"));
		});
		return ids;
	}

	/**
	 * The ids among these that a table holds; the table is named by code, never by a
	 * request.
	 */
	Set<Long> existingIds(String table, List<Long> ids) {
		return new HashSet<>(this.jdbc.sql(EXISTING_IDS.formatted(table))
			.param("ids", ids.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	/**
	 * Whether the table holds the row, which then stays until the transaction ends; the
	 * table is named by code, never by a request.
	 */
	boolean holdReferenced(String table, long id) {
		return ReferencedRows.hold(this.jdbc, table, id);
	}

	private String feature(LandLayer layer) {
		return FEATURE.formatted(properties(layer));
	}

	/**
	 * The row's published properties as its history keeps them: without version and
	 * editor, which the history row has as columns.
	 */
	private String keptAttributes(LandLayer layer) {
		return properties(layer) + "::jsonb - 'version' - 'updated_at' - 'updated_by'";
	}

	/** The json_build_object of the properties a read publishes, over alias t. */
	private String properties(LandLayer layer) {
		List<String> pairs = new ArrayList<>();
		layer.columns().forEach((c) -> pairs.add("'" + c + "', t." + c));
		String computed = (layer.computed() == null) ? "" : ", " + layer.computed();
		return this.srids.render(PROPERTIES.formatted(String.join(", ", pairs), computed));
	}

	private static String geometryValue(String column, Geometry geometry) {
		if (geometry == null) {
			return "NULL";
		}
		String value = SridSql.storage("ST_GeomFromWKB(:" + column + ", {storageSrid})");
		return (geometry instanceof MultiPolygon) ? "ST_Multi(" + value + ")" : value;
	}

	private static MapSqlParameterSource params(LandLayer.Row row, String user) {
		MapSqlParameterSource params = new MapSqlParameterSource(row.values()).addValue("user", user);
		for (Map.Entry<String, Geometry> g : row.geometries().entrySet()) {
			if (g.getValue() != null) {
				params.addValue(g.getKey(), GeometryRepair.wkb(g.getValue()));
			}
		}
		return params;
	}

	/** A row as a GeoJSON Feature, with its version for the ETag. */
	record Stored(long id, int version, String feature) {
	}

}
