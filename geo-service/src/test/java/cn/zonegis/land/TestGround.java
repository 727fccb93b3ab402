package cn.zonegis.land;

import cn.zonegis.Http;
import cn.zonegis.TestArea;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Free ground for test parcels: cells south-west of the demo parcels, one per request,
 * and codes starting with TEST- so that {@link #clean} leaves the demo zone as it was.
 */
final class TestGround {

	static final String PREFIX = "TEST-";

	/** Cells are this far apart; a test draws its parcels inside its own cell. */
	static final double CELL = TestArea.CELL;

	private TestGround() {
	}

	/** South-west corner (lon, lat) of a cell no other test uses in this run. */
	static double[] cell() {
		return TestArea.nextCell();
	}

	static String code(String what) {
		return PREFIX + what + "-" + System.nanoTime();
	}

	/** A fresh test code padded with x to exactly {@code length} characters. */
	static String code(String what, int length) {
		String code = code(what) + "-";
		return code + "x".repeat(length - code.length());
	}

	/** A GeoJSON Polygon: an axis-parallel rectangle in lon/lat. */
	static String rectangle(double lon, double lat, double width, double height) {
		return "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}"
			.formatted(lon, lat, lon + width, lat + height);
	}

	/**
	 * A GeoJSON Polygon whose ring crosses itself in the middle of the square from (lon,
	 * lat) to (lon + size, lat + size): a bow tie.
	 */
	static String bowTie(double lon, double lat, double size) {
		return "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%4$s],[%3$s,%2$s],[%1$s,%4$s],[%1$s,%2$s]]]}"
			.formatted(lon, lat, lon + size, lat + size);
	}

	static String feature(String code, String geometry) {
		return """
				{"type":"Feature","geometry":%s,
				 "properties":{"code":"%s","name":"测试地块","land_use":"工业用地","land_class_code":"0601","holder":"测试公司","note":"test"}}
				"""
			.formatted(geometry, code);
	}

	/**
	 * Removes every test parcel (with its recoveries, history and events), zone and
	 * enterprise.
	 */
	static void clean(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM zonegis.expansion_zone WHERE code LIKE :prefix").param("prefix", PREFIX + "%").update();
		jdbc.sql("DELETE FROM zonegis.enterprise WHERE name LIKE :prefix").param("prefix", PREFIX + "%").update();
		jdbc.sql("DELETE FROM zonegis.land_recovery WHERE parcel_code LIKE :prefix")
			.param("prefix", PREFIX + "%")
			.update();
		jdbc.sql("DELETE FROM zonegis.parcel WHERE code LIKE :prefix").param("prefix", PREFIX + "%").update();
	}

	/**
	 * Draws a parcel of 0.001° square in a free cell through the API and returns its id.
	 */
	static long drawParcel(Http planner, String what) {
		double[] c = cell();
		Http.Response response = planner.post("/api/parcels", feature(code(what), rectangle(c[0], c[1], 0.001, 0.001)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

}
