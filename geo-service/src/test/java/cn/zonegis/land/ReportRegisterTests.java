package cn.zonegis.land;

import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registers the half-year report counts: buildings and their certificates (未办证台账),
 * self-built houses (自建房排查) and park entry reviews (入园审查), written by planners, versioned
 * and audited.
 */
class ReportRegisterTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@AfterEach
	void removeTestRows() {
		for (String table : new String[] { "building", "self_built_house", "park_entry_review" }) {
			this.jdbc.sql("DELETE FROM zonegis." + table + " WHERE code LIKE 'TEST-%'").update();
		}
	}

	private long demo(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void aPlannerRecordsABuildingWithoutCertificatesAndTheChangeIsAudited() {
		double[] c = TestGround.cell();
		String code = TestGround.code("JZ");
		String body = """
				{"type":"Feature","geometry":%s,
				 "properties":{"code":"%s","name":"测试厂房","enterprise_id":%d,"floors":2,"floor_area_m2":1860.5,
				  "land_cert_state":"issued","land_cert_no":"鲁(2020)威海市不动产权第0000001号","land_cert_on":"2020-05-06",
				  "property_cert_state":"applying","missing_reason":"规划验收未完成","surveyed_on":"2026-04-02"}}
				""".formatted(TestGround.rectangle(c[0], c[1], 0.0005, 0.0004), code,
				demo("SELECT min(id) FROM zonegis.enterprise"));
		Http.Response created = as("planner").post("/api/buildings", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode properties = created.json().get("properties");
		assertThat(properties.get("property_cert_state").asString()).isEqualTo("applying");
		assertThat(properties.get("footprint_m2").asDouble()).isPositive();
		long id = created.json().get("id").asLong();
		assertThat(demo("SELECT count(*) FROM zonegis.audit_log WHERE entity = 'building' AND entity_id = '" + id
				+ "' AND action = 'create'"))
			.isEqualTo(1);
		assertThat(as("crew").post("/api/buildings", body).status()).isEqualTo(403);
		assertThat(as("viewer").get("/ogc/collections/buildings/items/" + id).status()).isEqualTo(200);
	}

	@Test
	void aBuildingIsAcceptedBackWithItsFootprintAreaButNeverWithAnother() {
		double[] c = TestGround.cell();
		String code = TestGround.code("JZ");
		String building = """
				{"type":"Feature","geometry":%s,
				 "properties":{"code":"%s","name":"x","enterprise_id":%d,"floors":1,"floor_area_m2":100,
				  "surveyed_on":"2026-04-02"%%s}}
				""".formatted(TestGround.rectangle(c[0], c[1], 0.0005, 0.0004), code,
				demo("SELECT min(id) FROM zonegis.enterprise"));
		Http.Response refused = as("planner").post("/api/buildings", building.formatted(",\"footprint_m2\":5"));
		assertProblem(refused, 422, "read-only-property");
		assertThat(refused.json().get("property").asString()).isEqualTo("footprint_m2");
		assertThat(demo("SELECT count(*) FROM zonegis.building WHERE code = '" + code + "'")).isZero();

		Http.Response created = as("planner").post("/api/buildings", building.formatted(""));
		Http.Response echoed = as("planner").put(created.header("Location"), created.body(),
				Map.of("Content-Type", "application/json", "If-Match", "\"1\""));
		assertThat(echoed.status()).as(echoed.body()).isEqualTo(200);
	}

	@Test
	void anIssuedCertificateWithoutItsNumberIsRefusedAndNothingIsStored() {
		double[] c = TestGround.cell();
		String code = TestGround.code("JZ");
		Http.Response refused = as("planner").post("/api/buildings", """
				{"type":"Feature","geometry":%s,
				 "properties":{"code":"%s","name":"x","enterprise_id":%d,"floors":1,"floor_area_m2":100,
				  "land_cert_state":"issued","surveyed_on":"2026-04-02"}}
				""".formatted(TestGround.rectangle(c[0], c[1], 0.0005, 0.0004), code,
				demo("SELECT min(id) FROM zonegis.enterprise")));
		assertProblem(refused, 400);
		assertThat(refused.json().get("property").asString()).isEqualTo("land_cert_no");
		assertThat(demo("SELECT count(*) FROM zonegis.building WHERE code = '" + code + "'")).isZero();
	}

	@Test
	void aSurveyedHouseIsTheSafetyOfficesAndAnEntryReviewThePlannersBothKeptAsPoints() {
		double[] c = TestGround.cell();
		Http.Response house = as("safety").post("/api/self-built-houses", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
				 "properties":{"code":"%s","address":"北区东村 8 号","floors":2,"operating":true,"business":"餐馆",
				  "hazard":true,"hazard_note":"墙体裂缝","appraisal_state":"done","appraisal_grade":"C",
				  "appraised_on":"2026-05-10","surveyed_on":"2026-04-20"}}
				""".formatted(c[0], c[1], TestGround.code("ZJF")));
		assertThat(house.status()).as(house.body()).isEqualTo(201);
		assertThat(as("planner").delete(house.header("Location"), Map.of()).status()).isEqualTo(403);
		Http.Response review = as("planner").post("/api/park-entry-reviews", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
				 "properties":{"code":"%s","project_name":"测试项目","applicant":"测试公司","zone_id":%d,
				  "submitted_on":"2026-03-01","outcome":"approved","opinion":"同意入园","opinion_on":"2026-03-20"}}
				""".formatted(c[0], c[1], TestGround.code("RY"),
				demo("SELECT min(id) FROM zonegis.expansion_zone WHERE kind = 'chemical_park_subzone'")));
		assertThat(review.status()).as(review.body()).isEqualTo(201);
		assertThat(as("safety").delete(review.header("Location"), Map.of()).status()).isEqualTo(403);
		Http.Response stale = as("planner").put(review.header("Location"),
				review.body().replace("\"outcome\":\"approved\"", "\"outcome\":\"refused\""),
				Map.of("Content-Type", "application/json", "If-Match", "\"7\""));
		assertThat(stale.status()).isEqualTo(412);
	}

	@Test
	void anEntryReviewOfAZoneThatDoesNotExistIsRefusedNamingZoneIdAndNothingIsStored() {
		double[] c = TestGround.cell();
		String code = TestGround.code("RY");
		String review = """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
				 "properties":{"code":"%s","project_name":"测试项目","applicant":"测试公司","zone_id":987654321,
				  "submitted_on":"2026-03-01"}}
				""".formatted(c[0], c[1], code);
		Http.Response refused = as("planner").post("/api/park-entry-reviews", review);
		assertProblem(refused, 422, "unknown-reference");
		assertThat(refused.json().get("property").asString()).isEqualTo("zone_id");
		assertThat(refused.json().get("detail").asString()).contains("zone_id", "987654321");
		Http.Response english = as("planner").send("POST", "/api/park-entry-reviews", review,
				Map.of("Content-Type", "application/json", "Accept-Language", "en"));
		assertThat(english.json().get("detail").asString()).contains("Property zone_id", "987654321");
		assertThat(demo("SELECT count(*) FROM zonegis.park_entry_review WHERE code = '" + code + "'")).isZero();
	}

	@Test
	void aBuildingMovedOntoAParcelThatDoesNotExistIsRefusedNamingParcelIdAndKeptAsItWas() {
		double[] c = TestGround.cell();
		String building = """
				{"type":"Feature","geometry":%s,
				 "properties":{"code":"%s","name":"测试厂房","enterprise_id":%d,"parcel_id":%s,"floors":2,
				  "floor_area_m2":900,"surveyed_on":"2026-04-02"}}
				""";
		String code = TestGround.code("JZ");
		String geometry = TestGround.rectangle(c[0], c[1], 0.0005, 0.0004);
		long enterprise = demo("SELECT min(id) FROM zonegis.enterprise");
		Http.Response created = as("planner").post("/api/buildings",
				building.formatted(geometry, code, enterprise, "null"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		Http.Response refused = as("planner").put("/ogc/collections/buildings/items/" + id,
				building.formatted(geometry, code, enterprise, "987654321"),
				Map.of("Content-Type", "application/geo+json", "If-Match", "\"1\""));
		assertProblem(refused, 422, "unknown-reference");
		assertThat(refused.json().get("property").asString()).isEqualTo("parcel_id");
		Http.Response noEnterprise = as("planner").post("/api/buildings",
				building.formatted(geometry, TestGround.code("JZ"), 987654321L, "null"));
		assertProblem(noEnterprise, 422, "unknown-reference");
		assertThat(noEnterprise.json().get("property").asString()).isEqualTo("enterprise_id");
		assertThat(as("viewer").get("/api/buildings/" + id).json().at("/properties/version").asInt()).isEqualTo(1);
	}

	@Test
	void aHousesHazardNoteIsKeptAsWrittenButAnOwnerWithBlanksAroundItIsRefused() {
		double[] c = TestGround.cell();
		String house = """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
				 "properties":{"code":"%s","address":"北区东村 9 号","owner":%s,"floors":2,
				  "hazard":true,"hazard_note":%s,"surveyed_on":"2026-04-20"}}
				""";
		String note = "  墙体裂缝：\n\t东墙 2 处\n  ";
		Http.Response kept = as("safety").post("/api/self-built-houses",
				house.formatted(c[0], c[1], TestGround.code("ZJF"), "\"张三\"", JSON.writeValueAsString(note)));
		assertThat(kept.status()).as(kept.body()).isEqualTo(201);
		assertThat(as("viewer").get(kept.header("Location")).json().at("/properties/hazard_note").asString())
			.isEqualTo(note);

		String code = TestGround.code("ZJF");
		Http.Response refused = as("safety").post("/api/self-built-houses",
				house.formatted(c[0], c[1], code, "\"张三 \"", "null"));
		assertProblem(refused, 400, "invalid-house");
		assertThat(refused.json().get("property").asString()).isEqualTo("owner");
		assertThat(demo("SELECT count(*) FROM zonegis.self_built_house WHERE code = '" + code + "'")).isZero();
	}

	@Test
	void theSafetyOfficeReportsEnterpriseInspectionsButNoOtherWork() {
		String text = TestGround.code("inspection");
		long enterprise = demo("SELECT min(id) FROM zonegis.enterprise");
		Http.Response inspection = as("safety").post("/api/workorders", """
				{"kind":"inspection","inspectionKind":"fire","description":"%s","enterpriseId":%d}
				""".formatted(text, enterprise));
		assertThat(inspection.status()).as(inspection.body()).isEqualTo(201);
		Http.Response repair = as("safety").post("/api/workorders", """
				{"kind":"road_repair","description":"%s","location":{"lon":122.05,"lat":37.19}}
				""".formatted(text + "-road"));
		assertProblem(repair, 403);
		assertThat(workOrderRowsDescribed(text + "-road")).isZero();
		assertThat(as("safety").post(inspection.header("Location") + "/dispatch", "{}").status()).isEqualTo(403);
		this.jdbc.sql("DELETE FROM zonegis.work_order_event WHERE note = :text").param("text", text).update();
		this.jdbc.sql("DELETE FROM zonegis.work_order WHERE description = :text").param("text", text).update();
	}

	@Test
	void everyChangeOfARegisterRowIsKeptAsAVersionAlsoAfterItsDeletion() {
		double[] c = TestGround.cell();
		String review = """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
				 "properties":{"code":"%s","project_name":"测试项目","applicant":"测试公司","zone_id":%d,
				  "submitted_on":"2026-03-01"%%s}}
				""".formatted(c[0], c[1], TestGround.code("RY"),
				demo("SELECT min(id) FROM zonegis.expansion_zone WHERE kind = 'chemical_park_subzone'"));
		Http.Response created = as("planner").post("/api/park-entry-reviews", review.formatted(""));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String location = created.header("Location");
		Http.Response decided = as("planner").put(location,
				review.formatted(",\"outcome\":\"refused\",\"opinion_on\":\"2026-04-01\""),
				Map.of("Content-Type", "application/json", "If-Match", "\"1\""));
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		assertThat(as("planner").delete(location, Map.of("If-Match", "\"2\"")).status()).isEqualTo(204);
		JsonNode versions = as("viewer").get(location + "/history").json().get("features");
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0).get("properties").get("outcome").asString()).isEqualTo("refused");
		assertThat(versions.get(0).get("properties").get("change").asString()).isEqualTo("delete");
		assertThat(versions.get(1).get("properties").get("outcome").asString()).isEqualTo("pending");
	}

}
