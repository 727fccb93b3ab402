package cn.zonegis.land;

import java.util.List;
import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.Race;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planners saving red lines at the same moment, through /api and OGC API - Features Part
 * 4: whatever the timing, active parcels never overlap and a version is edited once.
 */
class RedLineRaceTests extends IntegrationTest {

	private static final int PLANNERS = 16;

	private static final String OGC_ITEMS = "/ogc/collections/parcels/items";

	@AfterEach
	void leaveTheDemoZoneAsItWas() {
		TestGround.clean(this.jdbc);
	}

	@Test
	void sixteenPlannersSavingOneRedLineAtOnceStoreItOnce() {
		double[] cell = TestGround.cell();
		String geometry = TestGround.rectangle(cell[0], cell[1], 0.001, 0.001);
		String prefix = TestGround.code("race");
		Http planner = as("planner");

		List<Http.Response> responses = Race.run(PLANNERS, (i) -> planner.send("POST",
				(i % 2 == 0) ? "/api/parcels" : OGC_ITEMS, TestGround.feature(prefix + "-" + i, geometry), json()));

		assertThat(responses).filteredOn((r) -> r.status() == 201).hasSize(1);
		List<Http.Response> refused = responses.stream().filter((r) -> r.status() != 201).toList();
		assertThat(refused).hasSize(PLANNERS - 1).allSatisfy((r) -> assertOverlapRefused(r));
		assertThat(activeParcels(prefix + "%")).isEqualTo(1);
	}

	@Test
	void movedAndNewRedLinesRacingForOneGroundLeaveItOneParcel() {
		double[] cell = TestGround.cell();
		String ground = TestGround.rectangle(cell[0], cell[1], 0.001, 0.001);
		String prefix = TestGround.code("claim");
		Http planner = as("planner");
		// Half the planners move a parcel of their own onto the ground, half draw a new
		// one there.
		long[] movers = new long[PLANNERS / 2];
		for (int i = 0; i < movers.length; i++) {
			String elsewhere = TestGround.rectangle(cell[0] + 0.0012 + i * 0.0002, cell[1] + 0.0015, 0.0001, 0.0001);
			Http.Response created = planner.post("/api/parcels", TestGround.feature(prefix + "-m" + i, elsewhere));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			movers[i] = created.json().get("id").asLong();
		}

		List<Http.Response> responses = Race.run(PLANNERS, (i) -> (i % 2 == 0)
				? planner.put("/api/parcels/" + movers[i / 2], TestGround.feature(prefix + "-m" + (i / 2), ground),
						Map.of("Content-Type", "application/json", "If-Match", "\"1\""))
				: planner.post("/api/parcels", TestGround.feature(prefix + "-n" + i, ground)));

		assertThat(responses).filteredOn((r) -> r.status() / 100 == 2).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.status() / 100 != 2).allSatisfy((r) -> assertOverlapRefused(r));
		long onTheGround = this.jdbc.sql("""
				SELECT count(*) FROM zonegis.parcel
				WHERE code LIKE :prefix AND status NOT IN ('recovered', 'cancelled')
					AND ST_Intersects(geom, ST_MakeEnvelope(:lon, :lat, :lon + 0.001, :lat + 0.001, 4490))
				""")
			.param("prefix", prefix + "%")
			.param("lon", cell[0])
			.param("lat", cell[1])
			.query(Long.class)
			.single();
		assertThat(onTheGround).isEqualTo(1);
	}

	@Test
	void sixteenEditsFromOneVersionLeaveOneWinnerAndFifteenPreconditionsFailed() {
		double[] cell = TestGround.cell();
		String code = TestGround.code("edit");
		String geometry = TestGround.rectangle(cell[0], cell[1], 0.001, 0.001);
		Http planner = as("planner");
		Http.Response created = planner.post("/api/parcels", TestGround.feature(code, geometry));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		String etag = created.header("ETag");

		List<Http.Response> responses = Race.run(PLANNERS,
				(i) -> planner.send((i % 2 == 0) ? "PUT" : "PATCH",
						(i % 2 == 0) ? "/api/parcels/" + id : OGC_ITEMS + "/" + id,
						(i % 2 == 0) ? TestGround.feature(code, geometry).replace("测试地块", "名称 " + i)
								: "{\"properties\":{\"name\":\"名称 " + i + "\"}}",
						Map.of("Content-Type", (i % 2 == 0) ? "application/json" : "application/merge-patch+json",
								"If-Match", etag)));

		assertThat(responses).filteredOn((r) -> r.status() / 100 == 2).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.status() / 100 != 2).hasSize(PLANNERS - 1).allSatisfy((r) -> {
			assertProblem(r, 412, "stale-version");
		});
		assertThat(this.jdbc.sql("SELECT version FROM zonegis.parcel WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM zonegis.parcel_history WHERE parcel_id = :id", id)).isEqualTo(1);
		assertThat(
				count("""
						SELECT count(*) FROM zonegis.audit_log WHERE entity = 'parcel' AND entity_id = :id::text AND action = 'update'
						""",
						id))
			.isEqualTo(1);
	}

	@Test
	void plannersSplittingOneParcelAtOnceSplitItOnce() {
		double[] cell = TestGround.cell();
		String code = TestGround.code("split");
		Http planner = as("planner");
		Http.Response created = planner.post("/api/parcels",
				TestGround.feature(code, TestGround.rectangle(cell[0], cell[1], 0.001, 0.001)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();

		// Each planner cuts along another north-south line.
		List<Http.Response> responses = Race.run(4, (i) -> planner.send("POST", "/api/parcels/" + id + "/split",
				"{\"line\":{\"type\":\"LineString\",\"coordinates\":[[%s,%s],[%s,%s]]}}".formatted(
						cell[0] + 0.0002 * (i + 1), cell[1] - 0.0002, cell[0] + 0.0002 * (i + 1), cell[1] + 0.0012),
				Map.of("Content-Type", "application/json", "If-Match", created.header("ETag"))));

		assertThat(responses).filteredOn((r) -> r.status() == 200).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.status() != 200).hasSize(3).allSatisfy((r) -> {
			assertProblem(r, 412);
		});
		assertThat(activeParcels(code + "-%")).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM zonegis.parcel_event WHERE parcel_id = :id", id)).isEqualTo(1);
	}

	private static Map<String, String> json() {
		return Map.of("Content-Type", "application/json");
	}

	private static void assertOverlapRefused(Http.Response response) {
		assertProblem(response, 409, "red-line-overlap");
	}

	private long activeParcels(String codePattern) {
		return this.jdbc.sql("""
				SELECT count(*) FROM zonegis.parcel WHERE code LIKE :codes AND status NOT IN ('recovered', 'cancelled')
				""").param("codes", codePattern).query(Long.class).single();
	}

	private long count(String sql, long id) {
		return this.jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

}
