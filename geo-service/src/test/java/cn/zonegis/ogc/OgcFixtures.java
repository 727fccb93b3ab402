package cn.zonegis.ogc;

import java.util.UUID;

import cn.zonegis.TestArea;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows the OGC tests create for themselves, each in its own small square of the zone. */
final class OgcFixtures {

	/** Half the side of a test parcel, in degrees (about 20 m). */
	static final double HALF_SIDE = 0.0002;

	private OgcFixtures() {
	}

	/** Inserts a square parcel centred on lon/lat and returns its id. */
	static long parcel(JdbcClient jdbc, String name, double lon, double lat, String updatedAt) {
		return jdbc.sql("""
				INSERT INTO zonegis.parcel (code, name, status, geom, created_by, updated_by, updated_at)
				VALUES (:code, :name, 'planned',
					ST_Multi(ST_MakeEnvelope(:lon - :half, :lat - :half, :lon + :half, :lat + :half, 4490)),
					'test', 'test', CAST(:updatedAt AS timestamptz))
				RETURNING id
				""")
			.param("code", "T-" + UUID.randomUUID())
			.param("name", name)
			.param("lon", lon)
			.param("lat", lat)
			.param("half", HALF_SIDE)
			.param("updatedAt", updatedAt)
			.query(Long.class)
			.single();
	}

	/**
	 * A point no other test uses: tests pick their own squares so bbox results are theirs
	 * alone.
	 */
	static double[] freeSpot() {
		return TestArea.nextSpot();
	}

	/** A bbox parameter around lon/lat of the given half width, in degrees. */
	static String bbox(double lon, double lat, double half) {
		return (lon - half) + "," + (lat - half) + "," + (lon + half) + "," + (lat + half);
	}

}
