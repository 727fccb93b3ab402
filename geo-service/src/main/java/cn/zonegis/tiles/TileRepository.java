package cn.zonegis.tiles;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.SridSql;
import cn.zonegis.ogc.CollectionDef;
import cn.zonegis.ogc.QueryableCatalog;
import cn.zonegis.ogc.RowScope;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One Mapbox Vector Tile per statement: ST_AsMVT over ST_AsMVTGeom, as pg_tileserv builds
 * them. The tile envelope is made in EPSG:3857 and transformed to the storage CRS for the
 * index test (the stored column is never transformed in the WHERE clause); the selected
 * geometries are transformed to 3857 for encoding.
 */
@Repository
class TileRepository {

	/**
	 * Tile coordinates per side, and the margin drawn beyond the edge so strokes are not
	 * cut.
	 */
	private static final int EXTENT = 4096;

	private static final int BUFFER = 64;

	/**
	 * Simplify to a quarter of a pixel of a 256-pixel tile: invisible, but low zooms stay
	 * small.
	 */
	private static final int SIMPLIFY_PER_TILE = 1024;

	/**
	 * The margin as a fraction of the tile's width: what a feature may reach from
	 * outside.
	 */
	static final double MARGIN = (double) BUFFER / EXTENT;

	private static final String TILE = SridSql.storage("""
			WITH bounds AS (
				SELECT ST_TileEnvelope(:z, :x, :y) AS tile,
					ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => :margin), {storageSrid}) AS query
			), features AS (
				SELECT ST_AsMVTGeom(%s, bounds.tile, %d, %d, true) AS geom, t.id%s
				FROM zonegis.%s t, bounds
				WHERE t.geom && bounds.query%s
			)
			SELECT ST_AsMVT(features.*, :layer, %d, 'geom', 'id') FROM features WHERE geom IS NOT NULL
			""");

	private final NamedParameterJdbcTemplate jdbc;

	private final QueryableCatalog queryables;

	TileRepository(DataSource dataSource, QueryableCatalog queryables, TileProperties properties) {
		// One statement on its own, no transaction around it: one round trip per tile, as
		// a plain query has. The driver cancels it past the tile's deadline (JDBC query
		// timeouts are whole seconds).
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout((int) Math.ceil(properties.statementTimeoutMillis() / 1000.0));
		this.jdbc = new NamedParameterJdbcTemplate(template);
		this.queryables = queryables;
	}

	/**
	 * The tile's bytes; empty when no feature of def that readable lets through touches
	 * it.
	 * @param readable the user's restriction of the rows read, or null
	 */
	byte[] tile(CollectionDef def, TileAddress address, RowScope.Restriction readable) {
		String sql = TILE.formatted(geometry(def, address), EXTENT, BUFFER, attributes(def), def.table(),
				(readable != null) ? " AND (" + readable.condition() + ")" : "", EXTENT);
		MapSqlParameterSource params = new MapSqlParameterSource((readable != null) ? readable.params() : Map.of())
			.addValue("z", address.z())
			.addValue("x", address.x())
			.addValue("y", address.y())
			.addValue("margin", MARGIN)
			.addValue("layer", def.id())
			.addValue("tolerance", address.spanMetres() / SIMPLIFY_PER_TILE);
		try {
			return this.jdbc.queryForObject(sql, params, byte[].class);
		}
		catch (DataAccessException ex) {
			if (ex.getMostSpecificCause() instanceof SQLException cause && "57014".equals(cause.getSQLState())) {
				throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "tile-timeout", "problem.tile.timeout", def.id(),
						address.z(), address.x(), address.y());
			}
			throw ex;
		}
	}

	/**
	 * Lines and polygons are simplified below the collection's deepest zoom; points never
	 * are.
	 */
	private static String geometry(CollectionDef def, TileAddress address) {
		String mercator = "ST_Transform(t.geom, 3857)";
		if (def.geometryType().endsWith("Point") || address.z() >= def.maxZoom()) {
			return mercator;
		}
		return "ST_Simplify(" + mercator + ", :tolerance, true)";
	}

	/** The collection's tile properties, by the SQL the queryables give them. */
	private String attributes(CollectionDef def) {
		Map<String, String> expressions = this.queryables.expressions(def);
		List<String> columns = new ArrayList<>();
		for (String name : def.tileProperties()) {
			columns.add(expressions.get(name) + " AS \"" + name + "\"");
		}
		return columns.isEmpty() ? "" : ", " + String.join(", ", columns);
	}

}
