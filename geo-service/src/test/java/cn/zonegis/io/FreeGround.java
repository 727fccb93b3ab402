package cn.zonegis.io;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A spot inside the zone extent with no active parcel within about 600 m, so a test can
 * import its own parcels there, whatever earlier runs left behind. Spots are drawn
 * north-east of the demo parcels and the samples, away from the cells the land tests use
 * south-west of them.
 *
 * @param northing northing of the spot in EPSG:4529 (zone 41, prefixed eastings)
 * @param easting easting of the spot in EPSG:4529
 */
record FreeGround(double northing, double easting) {

	private static final String FIND = """
			SELECT ST_Y(g) AS northing, ST_X(g) AS easting
			FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(122.125 + random() * 0.06, 37.21 + random() * 0.12), 4490), 4529) AS g
				FROM generate_series(1, 400)) s
			WHERE NOT EXISTS (SELECT 1 FROM zonegis.parcel p
				WHERE p.status NOT IN ('recovered', 'cancelled') AND ST_DWithin(ST_Transform(p.geom, 4529), s.g, 600))
			LIMIT 1
			""";

	static FreeGround find(JdbcClient jdbc) {
		return jdbc.sql(FIND)
			.query((rs, i) -> new FreeGround(Math.floor(rs.getDouble("northing")), Math.floor(rs.getDouble("easting"))))
			.single();
	}

	/** A published-layout TXT header for zone 41. */
	static String header() {
		return TxtReaderTests.HEADER;
	}

	/**
	 * A TXT parcel: a rectangle of the given size whose south-west corner lies (dn, de)
	 * metres from the spot, points clockwise from the north-west corner, closed.
	 */
	String rectangle(String code, double dn, double de, double heightM, double widthM, String areaHa) {
		double s = this.northing + dn;
		double w = this.easting + de;
		double n = s + heightM;
		double e = w + widthM;
		return "5," + areaHa + "," + code + ",测试地块,面,,工业用地,0601,@\n" + point("J1", n, w) + point("J2", n, e)
				+ point("J3", s, e) + point("J4", s, w) + point("J1", n, w);
	}

	private static String point(String name, double northing, double easting) {
		return String.format(java.util.Locale.ROOT, "%s,1,%.3f,%.3f%n", name, northing, easting);
	}

}
