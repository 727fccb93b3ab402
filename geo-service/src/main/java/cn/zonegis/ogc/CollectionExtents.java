package cn.zonegis.ogc;

import java.time.Duration;
import java.time.OffsetDateTime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import cn.zonegis.geo.SridSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The spatial (CRS84) and temporal extent of each collection, computed by PostGIS and
 * reused for a while: ST_Extent reads the whole table, so /ogc/collections must not run
 * it on every request. It covers the rows the user may read, so it is kept per
 * restriction ({@link RowScope}), as the tiles are: a crew member's extent never shows
 * where other crews work. An edit through Part 4 forgets every extent of the collection.
 * Hits and misses are published as the {@code ogc.extents} cache metrics.
 */
@Component
public class CollectionExtents {

	private static final String EXTENT = SridSql.storage(
			"""
					SELECT ST_XMin(e) AS min_lon, ST_YMin(e) AS min_lat, ST_XMax(e) AS max_lon, ST_YMax(e) AS max_lat, %s
					FROM (SELECT ST_Expand(ST_Transform(ST_SetSRID(ST_Extent(t.geom)::geometry, {storageSrid}), 4326), :margin) AS e, %s
						FROM zonegis.%s t
						%s) x
					""");

	/**
	 * About 10 cm in degrees. The outermost features lie exactly on the extent; a client
	 * that queries with the extent transformed into another CRS and back must not lose
	 * them to rounding.
	 */
	private static final double MARGIN_DEGREES = 1e-6;

	private final JdbcClient jdbc;

	/**
	 * One entry per registered collection and restriction; the bound only guards against
	 * a leak.
	 */
	private final Cache<Key, Extent> cache;

	CollectionExtents(JdbcClient jdbc, OgcProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.cache = Caffeine.newBuilder()
			.maximumSize(1000)
			.expireAfterWrite(Duration.ofSeconds(properties.extentCacheSeconds()))
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.cache, "ogc.extents");
	}

	/** The extent of the rows of def the current user may read. */
	public Extent of(CollectionDef def) {
		RowScope.Restriction readable = def.readableRows().current();
		return this.cache.get(new Key(def.id(), (readable != null) ? readable.key() : ""),
				(key) -> compute(def, readable));
	}

	void forget(String collectionId) {
		this.cache.asMap().keySet().removeIf((key) -> key.collection().equals(collectionId));
	}

	private Extent compute(CollectionDef def, RowScope.Restriction readable) {
		SqlWhere where = SqlWhere.readableUnder(readable);
		String temporal = (def.temporalColumn() == null) ? "NULL::timestamptz AS first_at, NULL::timestamptz AS last_at"
				: "min(t.\"" + def.temporalColumn() + "\")::timestamptz AS first_at, max(t.\"" + def.temporalColumn()
						+ "\")::timestamptz AS last_at";
		String sql = EXTENT.formatted("first_at, last_at", temporal, def.table(), where.sql());
		return this.jdbc.sql(sql).paramSource(where.params().addValue("margin", MARGIN_DEGREES)).query((rs, i) -> {
			double[] bbox = (rs.getObject("min_lon") == null) ? null : new double[] { rs.getDouble("min_lon"),
					rs.getDouble("min_lat"), rs.getDouble("max_lon"), rs.getDouble("max_lat") };
			return new Extent(bbox, rs.getObject("first_at", OffsetDateTime.class),
					rs.getObject("last_at", OffsetDateTime.class));
		}).single();
	}

	/**
	 * @param bbox minLon, minLat, maxLon, maxLat in CRS84, or null for an empty
	 * collection
	 * @param firstAt earliest time, or null
	 * @param lastAt latest time, or null
	 */
	public record Extent(double[] bbox, OffsetDateTime firstAt, OffsetDateTime lastAt) {
	}

	/** readableBy: the key of the restriction the extent covers, empty for none. */
	private record Key(String collection, String readableBy) {
	}

}
