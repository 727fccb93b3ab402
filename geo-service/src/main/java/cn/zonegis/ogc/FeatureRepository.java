package cn.zonegis.ogc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.zonegis.geo.BBox;
import cn.zonegis.geo.GeoProperties;
import cn.zonegis.geo.Srid;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads any registered collection as GeoJSON that PostGIS writes, streamed row by row: Java never
 * decodes a geometry on this path.
 */
@Repository
public class FeatureRepository {

	private static final int FETCH_SIZE = 500;

	private static final String FEATURE = """
			SELECT json_build_object('type', 'Feature', 'id', t.id,
				'geometry', ST_AsGeoJSON(t.geom, 7, 0)::json,
				'properties', %s)::text
			FROM zonegis.%s t
			%s
			ORDER BY t.id
			""";

	private static final String SEARCH = """
			SELECT t.id, %s AS label, ST_X(ST_PointOnSurface(t.geom)) AS lon, ST_Y(ST_PointOnSurface(t.geom)) AS lat,
				ST_XMin(t.geom) AS min_lon, ST_YMin(t.geom) AS min_lat, ST_XMax(t.geom) AS max_lon, ST_YMax(t.geom) AS max_lat
			FROM zonegis.%s t
			WHERE %s
			ORDER BY label
			LIMIT :limit
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	private final GeoProperties geo;

	FeatureRepository(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions, GeoProperties geo) {
		JdbcTemplate streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
		streaming.setFetchSize(FETCH_SIZE);
		this.jdbc = new NamedParameterJdbcTemplate(streaming);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.geo = geo;
	}

	/** Writes a FeatureCollection of the features intersecting bbox (all when null) to out. */
	public void writeFeatureCollection(CollectionDef def, BBox bbox, OutputStream out) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = "";
		if (bbox != null) {
			// Transform the query box, never the stored column, so the GiST index is used.
			where = "WHERE ST_Intersects(t.geom, ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, " + Srid.CGCS2000 + "))";
			params.addValue("minLon", bbox.minLon())
				.addValue("minLat", bbox.minLat())
				.addValue("maxLon", bbox.maxLon())
				.addValue("maxLat", bbox.maxLat());
		}
		String sql = FEATURE.formatted(propertiesJson(def), def.table(), where);
		this.readOnly.executeWithoutResult((status) -> {
			write(out, "{\"type\":\"FeatureCollection\",\"features\":[");
			boolean[] first = { true };
			this.jdbc.query(sql, params, (rs) -> {
				write(out, first[0] ? "\n" : ",\n");
				first[0] = false;
				write(out, rs.getString(1));
			});
			write(out, "\n]}\n");
		});
	}

	/** Features of def whose search columns contain the text, for the search box. */
	public List<SearchHit> search(CollectionDef def, String text, int limit) {
		if (def.searchColumns().isEmpty()) {
			return List.of();
		}
		List<String> matches = new ArrayList<>();
		for (String column : def.searchColumns()) {
			matches.add("t." + quote(column) + " ILIKE :pattern");
		}
		String label = def.searchColumns()
			.stream()
			.map((c) -> "coalesce(t." + quote(c) + "::text, '')")
			.collect(Collectors.joining(" || ' ' || "));
		String sql = SEARCH.formatted(label, def.table(), String.join(" OR ", matches));
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("pattern", "%" + escapeLike(text) + "%")
			.addValue("limit", limit);
		return this.readOnly.execute((status) -> this.jdbc.query(sql, params,
				(rs, i) -> new SearchHit(def.id(), rs.getLong("id"), rs.getString("label").trim(), rs.getDouble("lon"),
						rs.getDouble("lat"), new double[] { rs.getDouble("min_lon"), rs.getDouble("min_lat"),
								rs.getDouble("max_lon"), rs.getDouble("max_lat") })));
	}

	private String propertiesJson(CollectionDef def) {
		List<String> pairs = new ArrayList<>();
		for (String column : def.properties()) {
			pairs.add("'" + column + "', t." + quote(column));
		}
		def.computed()
			.forEach((name, expression) -> pairs.add("'" + name + "', "
					+ expression.replace("{measureSrid}", Integer.toString(this.geo.measureSrid()))));
		return "json_build_object(" + String.join(", ", pairs) + ")";
	}

	private static String quote(String identifier) {
		return "\"" + identifier + "\"";
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static void write(OutputStream out, String text) {
		try {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A search result: where to fly the map to. */
	public record SearchHit(String layer, long id, String label, double lon, double lat, double[] bbox) {
	}

}
