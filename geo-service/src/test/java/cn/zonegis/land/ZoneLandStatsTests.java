package cn.zonegis.land;

import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.JsonMembers.memberWith;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /api/zones/stats: the land in each expansion zone by state, in 亩 of plane area in the
 * measuring CRS. The test draws a zone and parcels as squares in that CRS, so their areas
 * are round numbers: 100 m × 100 m is 10000 m², 15 亩.
 */
class ZoneLandStatsTests extends IntegrationTest {

	@AfterEach
	void leaveTheDemoZoneAsItWas() {
		TestGround.clean(this.jdbc);
	}

	/**
	 * A GeoJSON polygon of the plane rectangle from (easting, northing) e0, n0 to e1, n1,
	 * in lon/lat.
	 */
	private String plane(double[] origin, double e0, double n0, double e1, double n1) {
		return this.jdbc.sql("""
				SELECT ST_AsGeoJSON(ST_Transform(ST_MakeEnvelope(:e0, :n0, :e1, :n1, :srid), 4490), 12)
				""")
			.param("e0", origin[0] + e0)
			.param("n0", origin[1] + n0)
			.param("e1", origin[0] + e1)
			.param("n1", origin[1] + n1)
			.param("srid", measureSrid())
			.query(String.class)
			.single();
	}

	private int measureSrid() {
		return as("viewer").get("/api/config").json().get("measureSrid").asInt();
	}

	/** The south-west corner of a free test cell as (easting, northing). */
	private double[] origin() {
		double[] cell = TestGround.cell();
		return this.jdbc.sql("""
				SELECT ARRAY[ST_X(p), ST_Y(p)] FROM ST_Transform(ST_SetSRID(ST_MakePoint(:lon, :lat), 4490), :srid) p
				""")
			.param("lon", cell[0] + 0.0002)
			.param("lat", cell[1] + 0.0002)
			.param("srid", measureSrid())
			.query((rs, i) -> (Double[]) rs.getArray(1).getArray())
			.optional()
			.map((xy) -> new double[] { Math.ceil(xy[0]), Math.ceil(xy[1]) })
			.orElseThrow();
	}

	private long parcel(String geometry) {
		Http.Response drawn = as("planner").post("/api/parcels",
				TestGround.feature(TestGround.code("zone-stats"), geometry));
		assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
		return drawn.json().get("id").asLong();
	}

	private static JsonNode status(JsonNode zone, String status) {
		return memberWith(zone.get("byStatus"), "status", status);
	}

	@Test
	void aZoneCountsTheParcelsInAndAcrossItWithTheAreaInside() {
		double[] o = origin();
		String code = TestGround.code("zone");
		Http.Response zone = as("planner").post("/api/zones", """
				{"type":"Feature","geometry":%s,
				 "properties":{"code":"%s","name":"测试扩区","kind":"contiguous_development","status":"proposed"}}
				""".formatted(plane(o, 0, 0, 200, 200), code));
		assertThat(zone.status()).as(zone.body()).isEqualTo(201);
		long zoneId = zone.json().get("id").asLong();
		// Inside: 100 m × 100 m (15 亩) and 100 m × 50 m (7.5 亩), both planned.
		parcel(plane(o, 0, 0, 100, 100));
		parcel(plane(o, 100, 0, 200, 50));
		// Across the east edge, 50 m × 100 m of it inside (7.5 亩), its red line issued.
		long across = parcel(plane(o, 150, 100, 250, 200));
		assertThat(
				as("planner").post("/api/parcels/" + across + "/transitions", "{\"to\":\"red_line_issued\"}").status())
			.isEqualTo(200);
		// Cancelled inside, and outside touching the edge: neither counts.
		long cancelled = parcel(plane(o, 0, 100, 100, 200));
		assertThat(as("planner").delete("/api/parcels/" + cancelled, Map.of()).status()).isEqualTo(200);
		parcel(plane(o, 200, 60, 260, 90));

		Http.Response response = as("planner").get("/api/zones/stats");
		assertThat(response.status()).isEqualTo(200);
		JsonNode ours = null;
		for (JsonNode entry : response.json()) {
			ours = (entry.get("zoneId").asLong() == zoneId) ? entry : ours;
		}
		assertThat(ours.get("code").asString()).isEqualTo(code);
		assertThat(ours.get("parcels").asLong()).isEqualTo(3);
		assertThat(ours.get("areaMu").decimalValue()).isEqualByComparingTo("30.00");
		assertThat(status(ours, "planned").get("parcels").asLong()).isEqualTo(2);
		assertThat(status(ours, "planned").get("areaMu").decimalValue()).isEqualByComparingTo("22.50");
		assertThat(status(ours, "red_line_issued").get("parcels").asLong()).isEqualTo(1);
		assertThat(status(ours, "red_line_issued").get("areaMu").decimalValue()).isEqualByComparingTo("7.50");
		assertThat(status(ours, "transferred").get("parcels").asLong()).isZero();
		assertThat(ours.get("byStatus").findValuesAsString("status")).doesNotContain("cancelled");
	}

	@Test
	void aZoneWithoutParcelsIsListedWithNone() {
		double[] o = origin();
		Http.Response zone = as("planner").post("/api/zones", """
				{"type":"Feature","geometry":%s,
				 "properties":{"code":"%s","name":"测试扩区","kind":"contiguous_development","status":"proposed"}}
				""".formatted(plane(o, 0, 0, 100, 100), TestGround.code("zone")));
		long zoneId = zone.json().get("id").asLong();
		JsonNode listed = null;
		for (JsonNode entry : as("dispatcher").get("/api/zones/stats").json()) {
			listed = (entry.get("zoneId").asLong() == zoneId) ? entry : listed;
		}
		assertThat(listed.get("parcels").asLong()).isZero();
		assertThat(listed.get("areaMu").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void crewsAndViewersAreRefused() {
		for (String user : new String[] { "crew", "viewer" }) {
			assertProblem(as(user).get("/api/zones/stats"), 403, "forbidden");
		}
	}

}
