package cn.zonegis.land;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zonegis.geo.GeoProperties;
import cn.zonegis.geo.GeometryRepair;
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
				'properties', json_build_object(%s, 'version', t.version, 'updated_at', t.updated_at,
					'updated_by', t.updated_by%s))""";

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

	private final JdbcClient jdbc;

	private final GeoProperties geo;

	LandLayerRepository(JdbcClient jdbc, GeoProperties geo) {
		this.jdbc = jdbc;
		this.geo = geo;
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

	private String feature(LandLayer layer) {
		List<String> pairs = new ArrayList<>();
		layer.columns().forEach((c) -> pairs.add("'" + c + "', t." + c));
		String computed = (layer.computed() == null) ? "" : ", " + layer.computed();
		return FEATURE.formatted(String.join(", ", pairs), computed)
			.replace("{measureSrid}", Integer.toString(this.geo.measureSrid()));
	}

	private static String geometryValue(String column, Geometry geometry) {
		if (geometry == null) {
			return "NULL";
		}
		String value = "ST_GeomFromWKB(:" + column + ", 4490)";
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
