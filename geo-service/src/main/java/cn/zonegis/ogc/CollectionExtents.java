package cn.zonegis.ogc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The spatial (CRS84) and temporal extent of each collection, computed by PostGIS and
 * reused for a while: ST_Extent reads the whole table, so /ogc/collections must not run
 * it on every request. An edit through Part 4 forgets the collection's extent.
 */
@Component
public class CollectionExtents {

	private static final String EXTENT = """
			SELECT ST_XMin(e) AS min_lon, ST_YMin(e) AS min_lat, ST_XMax(e) AS max_lon, ST_YMax(e) AS max_lat, %s
			FROM (SELECT ST_Expand(ST_Transform(ST_SetSRID(ST_Extent(t.geom)::geometry, 4490), 4326), :margin) AS e, %s
				FROM zonegis.%s t) x
			""";

	/**
	 * About 10 cm in degrees. The outermost features lie exactly on the extent; a client
	 * that queries with the extent transformed into another CRS and back must not lose
	 * them to rounding.
	 */
	private static final double MARGIN_DEGREES = 1e-6;

	private final JdbcClient jdbc;

	private final OgcProperties properties;

	private final Map<String, Extent> cache = new ConcurrentHashMap<>();

	CollectionExtents(JdbcClient jdbc, OgcProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	public Extent of(CollectionDef def) {
		Extent cached = this.cache.get(def.id());
		Instant now = Instant.now();
		if (cached != null && cached.computedAt().plusSeconds(this.properties.extentCacheSeconds()).isAfter(now)) {
			return cached;
		}
		Extent extent = compute(def, now);
		this.cache.put(def.id(), extent);
		return extent;
	}

	void forget(String collectionId) {
		this.cache.remove(collectionId);
	}

	private Extent compute(CollectionDef def, Instant now) {
		String temporal = (def.temporalColumn() == null) ? "NULL::timestamptz AS first_at, NULL::timestamptz AS last_at"
				: "min(t.\"" + def.temporalColumn() + "\")::timestamptz AS first_at, max(t.\"" + def.temporalColumn()
						+ "\")::timestamptz AS last_at";
		String sql = EXTENT.formatted("first_at, last_at", temporal, def.table());
		return this.jdbc.sql(sql).param("margin", MARGIN_DEGREES).query((rs, i) -> {
			double[] bbox = (rs.getObject("min_lon") == null) ? null : new double[] { rs.getDouble("min_lon"),
					rs.getDouble("min_lat"), rs.getDouble("max_lon"), rs.getDouble("max_lat") };
			return new Extent(bbox, rs.getObject("first_at", OffsetDateTime.class),
					rs.getObject("last_at", OffsetDateTime.class), now);
		}).single();
	}

	/**
	 * @param bbox minLon, minLat, maxLon, maxLat in CRS84, or null for an empty
	 * collection
	 * @param firstAt earliest time, or null
	 * @param lastAt latest time, or null
	 */
	public record Extent(double[] bbox, OffsetDateTime firstAt, OffsetDateTime lastAt, Instant computedAt) {
	}

}
