package cn.zonegis.asset;

import java.util.List;
import java.util.stream.Collectors;

import cn.zonegis.geo.SridSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The k assets nearest a point, by the GiST KNN operator on geography (see V31):
 * distances are metres on the CGCS2000 ellipsoid.
 * <p>
 * k is written into the SQL (a checked integer, at most
 * {@link NearestAssetService#MAX_K}) rather than bound: with {@code LIMIT $n}
 * PostgreSQL's generic plan guesses a tenth of each table and scans it (0.9 s at 1M
 * parcels), so the prepared statement was planned anew on every call, about half the
 * statement's cost. With a literal k it settles on the generic plan, the same index
 * scans, planned once per connection.
 */
@Repository
class NearestAssetRepository {

	/** One kind's k nearest; the index answers ORDER BY … <-> … LIMIT without a scan. */
	private static final String KIND_NEAREST = SridSql.storage(
			"""
					(SELECT '%1$s' AS kind, t.id, t.%2$s AS label, t.geom,
						ST_Distance(t.geom::geography, ST_SetSRID(ST_MakePoint(:lon, :lat), {storageSrid})::geography) AS distance_m
					FROM zonegis.%3$s t
					ORDER BY t.geom::geography <-> ST_SetSRID(ST_MakePoint(:lon, :lat), {storageSrid})::geography
					LIMIT %4$d)""");

	private static final String NEAREST = """
			SELECT json_build_object('type', 'FeatureCollection', 'distance', 'geodesic, metres on the CGCS2000 ellipsoid',
				'features', coalesce(json_agg(json_build_object('type', 'Feature', 'id', n.id,
					'geometry', ST_AsGeoJSON(n.geom, 7, 0)::json,
					'properties', json_build_object('kind', n.kind, 'label', n.label,
						'distance_m', round(n.distance_m::numeric, 2))) ORDER BY n.distance_m, n.kind, n.id), '[]'::json))::text
			FROM (SELECT * FROM (%s) u ORDER BY u.distance_m, u.kind, u.id LIMIT %2$d) n
			""";

	private final JdbcClient jdbc;

	NearestAssetRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String nearest(double lon, double lat, List<AssetKind> kinds, int k) {
		String union = kinds.stream()
			.map((kind) -> KIND_NEAREST.formatted(kind.collectionId(), kind.labelColumn(), kind.table(), k))
			.collect(Collectors.joining("\nUNION ALL\n"));
		return this.jdbc.sql(NEAREST.formatted(union, k))
			.param("lon", lon)
			.param("lat", lat)
			.query(String.class)
			.single();
	}

}
