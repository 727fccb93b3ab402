package cn.zonegis.asset;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertBadParameter;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small network of our own, away from the demo pipes (lon 122.10…):
 *
 * <pre>
 *                W4 (enterprise's dedicated pipe P3)
 *                |
 *  W1 --P1--> W2 --P2--> W3 --P4--> W5
 * </pre>
 */
class PipeNetworkTests extends IntegrationTest {

	static final double LAT = 37.30;

	long enterpriseId;

	long w1, w2, w3, w4, w5;

	long p1, p2, p3, p4;

	@BeforeEach
	void drawNetwork() {
		String name = AssetCrudTests.unique("企业");
		this.enterpriseId = this.jdbc.sql("""
				INSERT INTO zonegis.enterprise (name, industry, geom, created_by, updated_by)
				VALUES (:name, '化工', ST_SetSRID(ST_MakePoint(122.101, 37.302), 4490), 'test', 'test') RETURNING id
				""").param("name", name).query(Long.class).single();
		this.w1 = well(122.100, LAT);
		this.w2 = well(122.101, LAT);
		this.w3 = well(122.102, LAT);
		this.w4 = well(122.101, LAT + 0.001);
		this.w5 = well(122.103, LAT);
		this.p1 = pipe("sewage", null, this.w1, this.w2, 122.100, LAT, 122.101, LAT);
		this.p2 = pipe("sewage", null, this.w2, this.w3, 122.101, LAT, 122.102, LAT);
		this.p3 = pipe("dedicated", this.enterpriseId, this.w4, this.w2, 122.101, LAT + 0.001, 122.101, LAT);
		this.p4 = pipe("sewage", null, this.w3, this.w5, 122.102, LAT, 122.103, LAT);
	}

	@AfterEach
	void removeNetwork() {
		AssetCrudTests.deleteTestRows(this.jdbc);
		this.jdbc.sql("DELETE FROM zonegis.enterprise WHERE id = :id").param("id", this.enterpriseId).update();
	}

	long well(double lon, double lat) {
		return as("planner").post("/api/wells", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
				 "properties":{"code":"%s","kind":"sewage"}}
				""".formatted(lon, lat, AssetCrudTests.unique("J"))).json().path("id").longValue();
	}

	long pipe(String kind, Long enterprise, long from, long to, double... lonLat) {
		Http.Response created = as("planner").post("/api/pipes",
				"""
						{"type":"Feature","geometry":{"type":"LineString","coordinates":[[%s,%s],[%s,%s]]},
						 "properties":{"code":"%s","kind":"%s","enterprise_id":%s,"upstream_well_id":%d,"downstream_well_id":%d}}
						"""
					.formatted(lonLat[0], lonLat[1], lonLat[2], lonLat[3], AssetCrudTests.unique("P"), kind, enterprise,
							from, to));
		assertThat(created.status()).isEqualTo(201);
		return created.json().path("id").longValue();
	}

	static List<Long> ids(JsonNode featureCollection) {
		return StreamSupport.stream(featureCollection.path("features").spliterator(), false)
			.map((f) -> f.path("id").longValue())
			.toList();
	}

	static double sumOfLengths(JsonNode pipes) {
		return StreamSupport.stream(pipes.path("features").spliterator(), false)
			.mapToDouble((f) -> f.path("properties").path("length_m").doubleValue())
			.sum();
	}

	@Test
	void tracingDownFollowsTheFlowToTheOutfallAndFindsTheEnterpriseDischargingIntoIt() {
		JsonNode trace = as("viewer").get("/api/pipes/" + this.p1 + "/trace?direction=down").json();
		assertThat(ids(trace.path("pipes"))).containsExactly(this.p1, this.p2, this.p4);
		assertThat(ids(trace.path("wells"))).containsExactly(this.w1, this.w2, this.w3, this.w5);
		assertThat(trace.path("totalLengthM").doubleValue()).isCloseTo(sumOfLengths(trace.path("pipes")),
				org.assertj.core.data.Offset.offset(0.02));
		assertThat(trace.path("totalLengthM").doubleValue()).isBetween(3 * 88.0, 3 * 89.6);
		assertThat(trace.path("enterprises")).hasSize(1);
		assertThat(trace.path("enterprises").get(0).path("id").longValue()).isEqualTo(this.enterpriseId);
	}

	@Test
	void tracingUpFromTheLastPipeReachesEveryPipeThatDrainsIntoIt() {
		JsonNode trace = as("viewer").get("/api/pipes/" + this.p4 + "/trace?direction=up").json();
		assertThat(ids(trace.path("pipes"))).containsExactlyInAnyOrder(this.p1, this.p2, this.p3, this.p4);
		assertThat(trace.path("pipeCount").intValue()).isEqualTo(4);
		assertThat(trace.path("enterprises").get(0).path("pipes")).hasSize(1);
	}

	@Test
	void tracingDownBelowTheEnterpriseAffectsNoEnterprise() {
		JsonNode trace = as("viewer").get("/api/pipes/" + this.p4 + "/trace?direction=down").json();
		assertThat(ids(trace.path("pipes"))).containsExactly(this.p4);
		assertThat(ids(trace.path("wells"))).containsExactly(this.w3, this.w5);
		assertThat(trace.path("enterprises")).isEmpty();
	}

	@Test
	void aCycleAgainstTheFlowEndsTheTraceAndTheCheckReportsIt() {
		long back = pipe("sewage", null, this.w5, this.w1, 122.103, LAT, 122.100, LAT);
		JsonNode trace = as("viewer").get("/api/pipes/" + this.p1 + "/trace").json();
		assertThat(ids(trace.path("pipes"))).containsExactlyInAnyOrder(this.p1, this.p2, this.p4, back);
		JsonNode cycles = as("viewer").get("/api/pipes/consistency").json().path("cycles");
		List<List<Long>> found = new ArrayList<>();
		cycles.forEach((c) -> found
			.add(StreamSupport.stream(c.path("pipeIds").spliterator(), false).map(JsonNode::longValue).toList()));
		assertThat(found).contains(List.of(this.p1, this.p2, this.p4, back));
	}

	@Test
	void theCheckListsAPipeEndWithoutItsWellAndAWellWithoutPipes() {
		long lonely = well(122.104, LAT);
		long stray = as("planner").post("/api/pipes", """
				{"type":"Feature","geometry":{"type":"LineString","coordinates":[[122.103,%s],[122.1035,%s]]},
				 "properties":{"code":"%s","kind":"rain","upstream_well_id":%d}}
				""".formatted(LAT, LAT, AssetCrudTests.unique("P"), this.w5)).json().path("id").longValue();
		JsonNode check = as("viewer").get("/api/pipes/consistency").json();
		assertThat(check.path("wellsWithoutPipe").valueStream().map((w) -> w.path("wellId").longValue()))
			.contains(lonely)
			.doesNotContain(this.w1, this.w5);
		assertThat(check.path("pipeEndsWithoutWell")
			.valueStream()
			.filter((e) -> e.path("pipeId").longValue() == stray)
			.map((e) -> e.path("end").stringValue())).containsExactly("downstream");
	}

	@Test
	void onTheDemoZoneADedicatedPipeLeadsToOneOutfallAndNamesItsEnterprise() {
		long dedicated = this.jdbc
			.sql("SELECT min(id) FROM zonegis.pipe WHERE kind = 'dedicated' AND created_by = 'demo'")
			.query(Long.class)
			.single();
		long enterprise = this.jdbc.sql("SELECT enterprise_id FROM zonegis.pipe WHERE id = :id")
			.param("id", dedicated)
			.query(Long.class)
			.single();
		JsonNode trace = as("viewer").get("/api/pipes/" + dedicated + "/trace?direction=down").json();
		assertThat(trace.path("pipeCount").intValue()).isGreaterThan(1);
		assertThat(trace.path("enterprises").valueStream().map((e) -> e.path("id").longValue())).contains(enterprise);
		long outfalls = this.jdbc.sql("""
				SELECT count(*) FROM zonegis.pipe p WHERE p.id IN (:ids)
				AND NOT EXISTS (SELECT 1 FROM zonegis.pipe n WHERE n.upstream_well_id = p.downstream_well_id)
				""").param("ids", ids(trace.path("pipes"))).query(Long.class).single();
		assertThat(outfalls).isEqualTo(1);
		JsonNode check = as("viewer").get("/api/pipes/consistency").json();
		assertThat(check.path("cycles")).isEmpty();
	}

	@Test
	void aPipeEndDrawnAwayFromItsWellIsListedWithTheDistance() {
		// Linked to W5 but ending 0.0005° (about 44 m) east of it.
		long drifted = pipe("sewage", null, this.w3, this.w5, 122.102, LAT, 122.1035, LAT);
		JsonNode ends = as("viewer").get("/api/pipes/consistency").json().path("pipeEndsWithoutWell");
		JsonNode end = ends.valueStream()
			.filter((e) -> e.path("pipeId").longValue() == drifted)
			.findFirst()
			.orElseThrow();
		assertThat(end.path("end").stringValue()).isEqualTo("downstream");
		assertThat(end.path("wellId").longValue()).isEqualTo(this.w5);
		assertThat(end.path("distanceM").doubleValue()).isBetween(43.0, 46.0);
	}

	@Nested
	class Refused {

		@Test
		void anUnknownDirectionNamesTheParameter() {
			Http.Response response = as("viewer")
				.get("/api/pipes/" + PipeNetworkTests.this.p1 + "/trace?direction=sideways");
			assertBadParameter(response, "direction");
		}

		@Test
		void anUnknownOrHostilePipeIdIsNotTraced() {
			assertThat(as("viewer").get("/api/pipes/" + Long.MAX_VALUE + "/trace").status()).isEqualTo(404);
			assertThat(as("viewer").get("/api/pipes/1%20OR%201=1/trace").status()).isEqualTo(400);
		}

		@Test
		void aWellThatPipesEndAtCannotBeDeletedAndTheyAreNamed() {
			Http.Response response = as("planner").delete("/api/wells/" + PipeNetworkTests.this.w2,
					java.util.Map.of("If-Match", "\"1\""));
			assertThat(response.status()).isEqualTo(409);
			assertThat(response.json().path("type").stringValue()).endsWith("/asset-in-use");
			assertThat(response.json().path("referencedBy").valueStream().map((r) -> r.path("id").longValue()))
				.containsExactlyInAnyOrder(PipeNetworkTests.this.p1, PipeNetworkTests.this.p2,
						PipeNetworkTests.this.p3);
			assertThat(as("viewer").get("/api/wells/" + PipeNetworkTests.this.w2).status()).isEqualTo(200);
		}

		@Test
		void aDedicatedPipeMustNameItsEnterprise() {
			Http.Response response = as("planner").post("/api/pipes", """
					{"type":"Feature","geometry":{"type":"LineString","coordinates":[[122.10,37.30],[122.101,37.30]]},
					 "properties":{"code":"%s","kind":"dedicated"}}
					""".formatted(AssetCrudTests.unique("P")));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().path("property").stringValue()).isEqualTo("enterprise_id");
		}

		@Test
		void anonymousCallersMustLogIn() {
			assertThat(anonymous().get("/api/pipes/consistency").status()).isEqualTo(401);
		}

	}

}
