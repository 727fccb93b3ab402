package cn.zonegis.workorder;

import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.security.Role;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work order tests create their own crews, crew members, streetlights and orders, all
 * named with {@link #TEST}, and remove them afterwards so other suites see the demo zone
 * as it was.
 */
abstract class WorkOrderTest extends IntegrationTest {

	static final String TEST = "TEST-WO-";

	/** A point near the middle of the demo zone. */
	static final double LON = 122.05;

	static final double LAT = 37.19;

	@AfterEach
	void removeTestRows() {
		String ours = "description LIKE :p OR crew_id IN (SELECT id FROM zonegis.crew WHERE name LIKE :p)";
		this.jdbc
			.sql("DELETE FROM zonegis.work_order WHERE inspection_id IN (SELECT id FROM zonegis.work_order WHERE "
					+ ours + ")")
			.param("p", TEST + "%")
			.update();
		this.jdbc.sql("DELETE FROM zonegis.work_order WHERE " + ours).param("p", TEST + "%").update();
		this.jdbc.sql("DELETE FROM zonegis.app_user WHERE username LIKE 'test-wo-%'").update();
		this.jdbc.sql("DELETE FROM zonegis.crew WHERE name LIKE :p").param("p", TEST + "%").update();
		this.jdbc.sql("""
				DELETE FROM zonegis.asset_history
				WHERE kind = 'streetlight' AND asset_id IN (SELECT id FROM zonegis.streetlight WHERE code LIKE :p)
				""").param("p", TEST + "%").update();
		this.jdbc.sql("DELETE FROM zonegis.streetlight WHERE code LIKE :p").param("p", TEST + "%").update();
	}

	static String unique(String what) {
		return TEST + what + "-" + System.nanoTime();
	}

	long crew(String skills, double lon, double lat, boolean active) {
		return this.jdbc
			.sql("""
					INSERT INTO zonegis.crew (name, skills, active, geom, created_by, updated_by)
					VALUES (:name, string_to_array(:skills, ','), :active, ST_SetSRID(ST_MakePoint(:lon, :lat), 4490), 'test', 'test')
					RETURNING id
					""")
			.param("name", unique("crew"))
			.param("skills", skills)
			.param("active", active)
			.param("lon", lon)
			.param("lat", lat)
			.query(Long.class)
			.single();
	}

	/** A CREW user of that crew; log in with {@link #as(String)}. */
	String crewMember(long crewId) {
		String username = "test-wo-" + System.nanoTime();
		addUser(username, "测试班组员", Role.CREW, crewId);
		return username;
	}

	long streetlight(String state) {
		return this.jdbc.sql("""
				INSERT INTO zonegis.streetlight (code, circuit, state, geom, created_by, updated_by)
				VALUES (:code, 'HL-TEST', :state, ST_SetSRID(ST_MakePoint(122.0511, 37.1911), 4490), 'test', 'test')
				RETURNING id
				""").param("code", unique("light")).param("state", state).query(Long.class).single();
	}

	String streetlightState(long id) {
		return this.jdbc.sql("SELECT state FROM zonegis.streetlight WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	static String atPoint(String kind, String priority, double lon, double lat) {
		return """
				{"kind":"%s","priority":"%s","description":"%s","location":{"lon":%s,"lat":%s}}
				""".formatted(kind, priority, unique("order"), lon, lat);
	}

	/** Reports an order as the dispatcher and returns it. */
	JsonNode report(String body) {
		Http.Response response = as("dispatcher").post("/api/workorders", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	JsonNode reportAt(String kind) {
		return report(atPoint(kind, "normal", LON, LAT));
	}

	/** Reports an order and takes it as far as in_progress with the crew. */
	long inProgress(String kind, long crewId, String member) {
		long id = reportAt(kind).get("id").asLong();
		assertThat(dispatch(as("dispatcher"), id, crewId).status()).isEqualTo(200);
		assertThat(step(as(member), id, to("in_progress")).status()).isEqualTo(200);
		return id;
	}

	static Http.Response step(Http client, long id, String body) {
		return client.post("/api/workorders/" + id + "/transitions", body);
	}

	static Http.Response dispatch(Http client, long id, long crewId) {
		return client.post("/api/workorders/" + id + "/dispatch", "{\"crewId\":%d,\"note\":\"派单\"}".formatted(crewId));
	}

	static String to(String state) {
		return "{\"to\":\"%s\"}".formatted(state);
	}

	String state(long id) {
		return this.jdbc.sql("SELECT state FROM zonegis.work_order WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	long events(long id) {
		return this.jdbc.sql("SELECT count(*) FROM zonegis.work_order_event WHERE work_order_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	static Map<String, String> ifMatch(int version) {
		return Map.of("Content-Type", "application/json", "If-Match", "\"" + version + "\"");
	}

}
