package cn.zonegis.workorder;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import cn.zonegis.Http;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reporting a work order at a point, on an asset or at an enterprise; and what is
 * refused.
 */
class WorkOrderReportTests extends WorkOrderTest {

	@Test
	void anOrderReportedAtAPointIsNewWithItsDueTimeFromTheSla() {
		JsonNode order = report(atPoint("road_repair", "urgent", LON, LAT));
		assertThat(order.get("state").asString()).isEqualTo("new");
		assertThat(order.get("code").asString()).startsWith("GD-");
		assertThat(order.get("location").get("lon").asDouble()).isEqualTo(LON);
		Duration allowed = Duration.between(OffsetDateTime.parse(order.get("createdAt").asString()),
				OffsetDateTime.parse(order.get("dueAt").asString()));
		assertThat(allowed.toMinutes()).isCloseTo(4 * 60, within(1L));
		assertThat(order.get("overdue").asBoolean()).isFalse();
	}

	@Test
	void reportingIsTheFirstEventOfTheTimelineAndIsAudited() {
		long id = reportAt("greening").get("id").asLong();
		JsonNode read = as("viewer").get("/api/workorders/" + id).json();
		assertThat(read.get("events")).hasSize(1);
		assertThat(read.get("events").get(0).get("toState").asString()).isEqualTo("new");
		assertThat(read.get("events").get(0).get("by").asString()).isEqualTo("dispatcher");
		assertThat(auditEntries("work_order", String.valueOf(id))).isEqualTo(1);
	}

	@Test
	void anOrderOnAnAssetTakesTheAssetsPointWhenNoneIsGiven() {
		long light = streetlight("faulty");
		JsonNode order = report(
				"""
						{"kind":"streetlight_repair","priority":"high","description":"%s","assetType":"streetlight","assetId":%d}
						"""
					.formatted(unique("lamp"), light));
		assertThat(order.get("assetType").asString()).isEqualTo("streetlight");
		assertThat(order.get("location").get("lon").asDouble()).isCloseTo(122.0511, within(1e-9));
		assertThat(order.get("location").get("lat").asDouble()).isCloseTo(37.1911, within(1e-9));
	}

	@Test
	void anInspectionIsOfAnEnterpriseAndStandsAtItsPoint() {
		JsonNode enterprise = this.jdbc.sql("SELECT id, ST_X(geom) AS lon FROM zonegis.enterprise ORDER BY id LIMIT 1")
			.query((rs, i) -> JsonNodeFactory.instance.objectNode()
				.put("id", rs.getLong("id"))
				.put("lon", rs.getDouble("lon")))
			.single();
		JsonNode order = report("""
				{"kind":"inspection","description":"%s","enterpriseId":%d}
				""".formatted(unique("inspection"), enterprise.get("id").asLong()));
		assertThat(order.get("enterpriseId").asLong()).isEqualTo(enterprise.get("id").asLong());
		assertThat(order.get("location").get("lon").asDouble()).isEqualTo(enterprise.get("lon").asDouble());
		assertThat(order.get("priority").asString()).isEqualTo("normal");
	}

	@Test
	void aCrewMemberMayReportAndThenSeesWhatTheyReported() {
		String member = crewMember(crew("road_repair", LON, LAT, true));
		Http.Response response = as(member).post("/api/workorders", atPoint("road_repair", "high", LON, LAT));
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("reportedBy").asString()).isEqualTo(member);
		assertThat(as(member).get("/api/workorders/" + response.json().get("id").asLong()).status()).isEqualTo(200);
	}

	@Test
	void theOrderCarriesItsVersionAsETag() {
		Http.Response response = as("dispatcher").post("/api/workorders", atPoint("other", "low", LON, LAT));
		assertThat(response.header("ETag")).isEqualTo("\"1\"");
		assertThat(response.header("Location")).isEqualTo("/api/workorders/" + response.json().get("id").asLong());
	}

	@Test
	void anOrderPastTheTenThousandthKeepsItsWholeIdInItsCode() {
		this.jdbc.sql(
				"SELECT setval('zonegis.work_order_id_seq', greatest(12345, (SELECT last_value FROM zonegis.work_order_id_seq)))")
			.query(Long.class)
			.single();
		Http.Response response = as("dispatcher").post("/api/workorders", atPoint("other", "low", LON, LAT));
		long id = response.json().get("id").asLong();
		assertThat(id).isGreaterThan(12345);
		assertThat(response.json().get("code").asString()).endsWith("-" + id);
	}

	@Nested
	class Refused {

		void assertUnreadable(Http.Response response) {
			assertProblem(response, 400);
		}

		@Test
		void anUnknownKindIsABadRequestAndStoresNothing() {
			long before = rowCount("work_order");
			Http.Response response = as("dispatcher").post("/api/workorders", atPoint("painting", "normal", LON, LAT));
			assertProblem(response, 400, "unknown-kind");
			assertThat(response.json().get("allowed").size()).isEqualTo(9);
			assertThat(rowCount("work_order")).isEqualTo(before);
		}

		@Test
		void anUnknownPriorityIsABadRequest() {
			assertProblem(as("dispatcher").post("/api/workorders", atPoint("other", "whenever", LON, LAT)), 400,
					"unknown-priority");
		}

		@Test
		void anOrderWithoutLocationOrAssetIsABadRequest() {
			long before = rowCount("work_order");
			Http.Response response = as("dispatcher").post("/api/workorders",
					"{\"kind\":\"other\",\"description\":\"%s\"}".formatted(unique("nowhere")));
			assertProblem(response, 400, "missing-location");
			assertThat(rowCount("work_order")).isEqualTo(before);
		}

		@Test
		void coordinatesOutsideTheZoneAreRefusedWithTheExtent() {
			long before = rowCount("work_order");
			Http.Response response = as("dispatcher").post("/api/workorders", atPoint("other", "normal", LAT, LON));
			assertProblem(response, 422, "outside-zone");
			assertThat(response.json().get("detail").asString()).contains("37.19").contains("122.05");
			assertThat(rowCount("work_order")).isEqualTo(before);
		}

		@Test
		void theRefusalSpeaksTheCallersLanguage() {
			Http.Response response = as("dispatcher").send("POST", "/api/workorders", atPoint("other", "normal", 0, 0),
					Map.of("Content-Type", "application/json", "Accept-Language", "en"));
			assertProblem(response, 422, "outside-zone");
			assertThat(response.json().get("detail").asString()).startsWith("Location 0 0 is outside the zone");
		}

		@Test
		void aLocationThatIsNotANumberIsABadRequest() {
			assertUnreadable(as("dispatcher").post("/api/workorders",
					"{\"kind\":\"other\",\"description\":\"x\",\"location\":{\"lon\":\"east\",\"lat\":37.19}}"));
			assertProblem(
					as("dispatcher").post("/api/workorders",
							"{\"kind\":\"other\",\"description\":\"x\",\"location\":{\"lat\":37.19}}"),
					400, "invalid-location");
		}

		@Test
		void anUnknownAssetIsUnprocessable() {
			assertProblem(as("dispatcher").post("/api/workorders",
					"{\"kind\":\"well_repair\",\"description\":\"x\",\"assetType\":\"well\",\"assetId\":987654321}"),
					422, "unknown-asset");
		}

		@Test
		void anAssetTypeFromTheRequestNeverBecomesATableName() {
			assertProblem(as("dispatcher").post("/api/workorders",
					"{\"kind\":\"other\",\"description\":\"x\",\"assetType\":\"app_user; DROP TABLE crew\",\"assetId\":1}"),
					400, "invalid-asset");
		}

		@Test
		void anInspectionWithoutEnterpriseIsABadRequest() {
			assertProblem(as("dispatcher").post("/api/workorders", atPoint("inspection", "normal", LON, LAT)), 400,
					"inspection-needs-enterprise");
		}

		@Test
		void aMissingDescriptionIsABadRequest() {
			assertProblem(
					as("dispatcher").post("/api/workorders",
							"{\"kind\":\"other\",\"location\":{\"lon\":122.05,\"lat\":37.19},\"description\":\"  \"}"),
					400, "missing-field");
		}

		@Test
		void unreadableJsonIsABadRequest() {
			assertUnreadable(as("dispatcher").post("/api/workorders", "{\"kind\":"));
		}

		@Test
		void aViewerMayNotReport() {
			assertProblem(as("viewer").post("/api/workorders", atPoint("other", "normal", LON, LAT)), 403, "forbidden");
		}

		@Test
		void aHostileIdIsNotFound() {
			assertThat(as("viewer").get("/api/workorders/1;DROP").status()).isIn(400, 404);
			assertProblem(as("viewer").get("/api/workorders/987654321"), 404, "not-found");
		}

	}

}
