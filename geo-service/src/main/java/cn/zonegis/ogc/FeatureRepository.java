package cn.zonegis.ogc;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.zonegis.geo.BBox;
import cn.zonegis.geo.FeatureStream;
import cn.zonegis.geo.SridSql;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Reads any registered collection as GeoJSON that PostGIS writes, streamed row by row:
 * Java never decodes a geometry on this path.
 */
@Repository
public class FeatureRepository {

	/** Pages up to this many features (a few MB) are read whole; larger ones stream. */
	private static final int WHOLE_PAGE = 2000;

	/** Option 0 of ST_AsGeoJSON leaves out the crs member, which RFC 7946 removed. */
	private static final String FEATURE = """
			SELECT json_build_object('type', 'Feature', 'id', t.id,
				'geometry', ST_AsGeoJSON(%s, %d, 0)::json,
				'properties', %s)::text
			FROM zonegis.%s t
			%s
			ORDER BY t.id
			%s
			""";

	private static final String COUNT = """
			SELECT count(*) FROM zonegis.%s t %s
			""";

	private static final String ITEM = """
			SELECT json_build_object('type', 'Feature', 'id', t.id,
				'geometry', ST_AsGeoJSON(%s, %d, 0)::json,
				'properties', %s)::text AS feature, t.version
			FROM zonegis.%s t
			%s
			""";

	private static final String SEARCH = """
			SELECT t.id, %s AS label, ST_X(ST_PointOnSurface(t.geom)) AS lon, ST_Y(ST_PointOnSurface(t.geom)) AS lat,
				ST_XMin(t.geom) AS min_lon, ST_YMin(t.geom) AS min_lat, ST_XMax(t.geom) AS max_lon, ST_YMax(t.geom) AS max_lat
			FROM zonegis.%s t
			%s
			ORDER BY label
			LIMIT :limit
			""";

	/**
	 * Features in a box of a plane CRS, transformed there by PostGIS, for documents drawn
	 * in that plane. The box goes to the stored CRS so that the GiST index is used.
	 */
	private static final String PLANE_SHAPES = """
			SELECT t.id, %s AS label, ST_AsBinary(ST_Transform(t.geom, :srid)) AS wkb
			FROM zonegis.%s t
			%s
			ORDER BY t.id
			LIMIT :limit
			""";

	private static final String IN_PLANE_BOX = SridSql.storage(
			"ST_Intersects(t.geom, ST_Transform(ST_MakeEnvelope(:minX, :minY, :maxX, :maxY, :srid), {storageSrid}))");

	/** Most features a map view gets one by one; past it, it gets clusters. */
	public static final int MAP_FEATURES = 1000;

	/** A cluster's cell on the map, in screen pixels at the view's zoom. */
	private static final int CLUSTER_PIXELS = 80;

	/**
	 * Points on a grid of cells fixed to the zoom (not to the view, so panning keeps the
	 * clusters in place): per cell the count, the mean position and the box of its
	 * members.
	 */
	private static final String CLUSTERS = """
			SELECT json_build_object('type', 'Feature', 'id', concat('cluster-', c.gx, '-', c.gy),
				'bbox', json_build_array(c.min_x, c.min_y, c.max_x, c.max_y),
				'geometry', json_build_object('type', 'Point',
					'coordinates', json_build_array(round(c.x::numeric, 7), round(c.y::numeric, 7))),
				'properties', json_build_object('cluster', true, 'count', c.n))::text, c.n
			FROM (SELECT floor(ST_X(t.geom) / :cellLon) AS gx, floor(ST_Y(t.geom) / :cellLat) AS gy, count(*) AS n,
					avg(ST_X(t.geom)) AS x, avg(ST_Y(t.geom)) AS y, min(ST_X(t.geom)) AS min_x, min(ST_Y(t.geom)) AS min_y,
					max(ST_X(t.geom)) AS max_x, max(ST_Y(t.geom)) AS max_y
				FROM zonegis.%s t
				%s
				GROUP BY 1, 2) c
			ORDER BY c.gy, c.gx
			""";

	private static final String COUNT_UP_TO = """
			SELECT count(*) FROM (SELECT FROM zonegis.%s t %s LIMIT :upTo) s
			""";

	private final FeatureStream stream;

	/** Without a transaction: pgjdbc then reads the whole result in one round trip. */
	private final NamedParameterJdbcTemplate whole;

	private final QueryableCatalog queryables;

	FeatureRepository(FeatureStream stream, NamedParameterJdbcTemplate whole, QueryableCatalog queryables) {
		this.stream = stream;
		this.whole = whole;
		this.queryables = queryables;
	}

	/**
	 * Writes a FeatureCollection of the features intersecting bbox (all when null) to
	 * out.
	 */
	public void writeFeatureCollection(CollectionDef def, BBox bbox, OutputStream out) {
		SqlWhere where = inBox(def, bbox);
		this.stream.writeCollection(featuresSql(def, where, Crs.STORED_LON_LAT, ""), where.params(), out);
	}

	/**
	 * What a map shows of a point layer in a view: its features when at most
	 * {@link #MAP_FEATURES} are in the box, else clusters on a grid of about 80 pixels at
	 * the zoom. Counted before it answers, so a failing query is still a problem.
	 */
	public StreamingResponseBody mapView(CollectionDef def, BBox bbox, int zoom) {
		SqlWhere where = pointsInBox(def, bbox);
		MapSqlParameterSource params = where.params().addValue("upTo", MAP_FEATURES + 1);
		long found = this.whole.queryForObject(COUNT_UP_TO.formatted(def.table(), where.sql()), params, Long.class);
		if (found <= MAP_FEATURES) {
			String sql = featuresSql(def, where, Crs.STORED_LON_LAT, "");
			return (out) -> {
				FeatureStream.Features features = new FeatureStream.Features(
						"{\"type\":\"FeatureCollection\",\"clustered\":false,\"features\":[", out);
				this.stream.read((jdbc) -> {
					jdbc.query(sql, params, features);
					return null;
				});
				features.close("\n],\"numberMatched\":" + features.written() + "}\n");
			};
		}
		double degreesPerPixel = 360.0 / (256 * Math.pow(2, zoom));
		double cellLon = CLUSTER_PIXELS * degreesPerPixel;
		// Web Mercator squeezes a degree of longitude by cos(latitude) against one of
		// latitude: square cells on the screen at the view's middle.
		double cellLat = cellLon * Math.cos(Math.toRadians((bbox.minLat() + bbox.maxLat()) / 2));
		params.addValue("cellLon", cellLon).addValue("cellLat", cellLat);
		String sql = CLUSTERS.formatted(def.table(), where.sql());
		return (out) -> {
			FeatureStream.Features clusters = new FeatureStream.Features(
					"{\"type\":\"FeatureCollection\",\"clustered\":true,\"features\":[", out);
			long[] total = { 0 };
			this.whole.query(sql, params, (rs) -> {
				clusters.processRow(rs);
				total[0] += rs.getLong(2);
			});
			clusters.close("\n],\"numberMatched\":" + total[0] + "}\n");
		};
	}

	/** Features intersecting bbox; all when it is null. */
	private static SqlWhere inBox(CollectionDef def, BBox bbox) {
		return boxed(def, bbox, "ST_Intersects(t.geom, %s)");
	}

	/**
	 * Points in bbox (on its edge too) by the index's own box test, which for a point is
	 * exact. ST_Intersects would add a per-row test that finds nothing more, and its cost
	 * estimate tips PostgreSQL into a parallel plan whose worker start-up is most of the
	 * time (clustering a view of 3,771 work orders on the 1M bench zone: 30 ms with it, 5
	 * ms without).
	 */
	private static SqlWhere pointsInBox(CollectionDef def, BBox bbox) {
		return boxed(def, bbox, "t.geom && %s");
	}

	/**
	 * The rows of def the user may read that pass the test (with %s for the box in the
	 * storage CRS) on bbox; no box test when it is null. The query box is made in the
	 * storage CRS, the stored column never transformed, so the GiST index is used.
	 */
	private static SqlWhere boxed(CollectionDef def, BBox bbox, String test) {
		SqlWhere where = SqlWhere.readableIn(def);
		if (bbox != null) {
			where.and(SridSql.storage(test
				.formatted("ST_MakeEnvelope(" + where.bind(bbox.minLon()) + ", " + where.bind(bbox.minLat()) + ", "
						+ where.bind(bbox.maxLon()) + ", " + where.bind(bbox.maxLat()) + ", {storageSrid})")));
		}
		return where;
	}

	/** How many features of def the where clause selects. */
	public long count(CollectionDef def, SqlWhere where) {
		String sql = COUNT.formatted(def.table(), where.sql());
		return this.stream.read((jdbc) -> jdbc.queryForObject(sql, where.params(), Long.class));
	}

	/**
	 * Writes a page of the selected features in crs as the start of a FeatureCollection,
	 * before the closing text, which is the caller's. Nothing is written until the query
	 * has run, so a failing query can still be answered with a problem.
	 * @return how many were written, and whether the page has a successor
	 */
	public Written writePage(CollectionDef def, SqlWhere where, Crs crs, Page page, OutputStream out) {
		MapSqlParameterSource params = where.params();
		// One row past the page tells whether there is a next one, without a count.
		params.addValue("pageLimit", page.limit() + 1).addValue("pageOffset", page.offset());
		String sql = featuresSql(def, where, crs, "LIMIT :pageLimit OFFSET :pageOffset");
		FeatureStream.Features features = new FeatureStream.Features(FeatureStream.OPENING, out, page.limit());
		if (page.limit() <= WHOLE_PAGE) {
			// A plain statement, no cursor and no transaction: one round trip.
			this.whole.query(sql, params, features);
		}
		else {
			this.stream.read((jdbc) -> {
				jdbc.query(sql, params, features);
				return null;
			});
		}
		features.close("");
		return new Written(features.written(), features.more());
	}

	/** One feature in crs with its version, or empty when there is no such id. */
	public Optional<StoredFeature> find(CollectionDef def, long id, Crs crs) {
		SqlWhere where = SqlWhere.readableIn(def);
		where.and("t.id = " + where.bind(id));
		String sql = ITEM.formatted(crs.fromStorage("t.geom"), crs.decimals(), propertiesJson(def), def.table(),
				where.sql());
		return this.stream
			.read((jdbc) -> jdbc.query(sql, where.params(),
					(rs, i) -> new StoredFeature(rs.getString("feature"), rs.getInt("version"))))
			.stream()
			.findFirst();
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
		SqlWhere where = SqlWhere.readableIn(def);
		where.and(String.join(" OR ", matches));
		String sql = SEARCH.formatted(label, def.table(), where.sql());
		MapSqlParameterSource params = where.params()
			.addValue("pattern", "%" + escapeLike(text) + "%")
			.addValue("limit", limit);
		return this.stream.read((jdbc) -> jdbc.query(sql, params,
				(rs, i) -> new SearchHit(def.id(), rs.getLong("id"), rs.getString("label").trim(), rs.getDouble("lon"),
						rs.getDouble("lat"), new double[] { rs.getDouble("min_lon"), rs.getDouble("min_lat"),
								rs.getDouble("max_lon"), rs.getDouble("max_lat") })));
	}

	/**
	 * Up to limit features of def reaching into the box (minX, minY, maxX, maxY in srid),
	 * each as WKB in srid with its label: the first search column, or null.
	 */
	public List<PlaneShape> planeShapes(CollectionDef def, double[] box, int srid, int limit) {
		String label = def.searchColumns().isEmpty() ? "NULL::text"
				: "t." + quote(def.searchColumns().get(0)) + "::text";
		SqlWhere where = SqlWhere.readableIn(def);
		where.and(IN_PLANE_BOX);
		String sql = PLANE_SHAPES.formatted(label, def.table(), where.sql());
		MapSqlParameterSource params = where.params()
			.addValue("srid", srid)
			.addValue("minX", box[0])
			.addValue("minY", box[1])
			.addValue("maxX", box[2])
			.addValue("maxY", box[3])
			.addValue("limit", limit);
		return this.stream.read((jdbc) -> jdbc.query(sql, params,
				(rs, i) -> new PlaneShape(rs.getLong("id"), rs.getString("label"), rs.getBytes("wkb"))));
	}

	private String featuresSql(CollectionDef def, SqlWhere where, Crs crs, String limit) {
		return FEATURE.formatted(crs.fromStorage("t.geom"), crs.decimals(), propertiesJson(def), def.table(),
				where.sql(), limit);
	}

	private String propertiesJson(CollectionDef def) {
		List<String> pairs = new ArrayList<>();
		this.queryables.expressions(def).forEach((name, sql) -> pairs.add("'" + name + "', " + sql));
		return "json_build_object(" + String.join(", ", pairs) + ")";
	}

	private static String quote(String identifier) {
		return "\"" + identifier + "\"";
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** One page of items: at most limit, after skipping offset. */
	public record Page(int limit, long offset) {
	}

	/**
	 * What a page held: how many features were written, and whether more follow it.
	 */
	public record Written(int returned, boolean more) {
	}

	/** A feature as GeoJSON text with the version that is its ETag. */
	public record StoredFeature(String json, int version) {
	}

	/** A feature in a plane CRS: its id, its label (or null) and its geometry as WKB. */
	public record PlaneShape(long id, String label, byte[] wkb) {
	}

	/** A search result: where to fly the map to. */
	public record SearchHit(String layer, long id, String label, double lon, double lat, double[] bbox) {
	}

}
