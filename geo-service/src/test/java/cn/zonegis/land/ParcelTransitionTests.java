package cn.zonegis.land;

import java.util.List;
import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/parcels/{id}/transitions: the lifecycle through HTTP, who, when and why
 * recorded.
 */
class ParcelTransitionTests extends IntegrationTest {

	@AfterEach
	void leaveTheDemoZoneAsItWas() {
		TestGround.clean(this.jdbc);
	}

	private long newParcel() {
		return TestGround.drawParcel(as("planner"), "life");
	}

	private Http.Response move(long id, String to) {
		return as("planner").post("/api/parcels/" + id + "/transitions",
				"{\"to\":\"" + to + "\",\"note\":\"" + to + " by test\"}");
	}

	@Test
	void aParcelGoesFromPlannedToTransferredStepByStep() {
		long id = newParcel();
		int version = 1;
		for (String to : List.of("red_line_issued", "filed", "listed", "transferred")) {
			Http.Response response = move(id, to);
			assertThat(response.status()).as(to).isEqualTo(200);
			assertThat(response.json().get("properties").get("status").asString()).isEqualTo(to);
			assertThat(response.header("ETag")).isEqualTo("\"" + (++version) + "\"");
		}
		JsonNode events = as("viewer").get("/api/parcels/" + id + "/events").json();
		assertThat(events.size()).isEqualTo(4);
		assertThat(events.get(1).get("fromStatus").asString()).isEqualTo("red_line_issued");
		assertThat(events.get(1).get("toStatus").asString()).isEqualTo("filed");
		assertThat(events.get(1).get("byUser").asString()).isEqualTo("planner");
		assertThat(events.get(1).get("note").asString()).isEqualTo("filed by test");
		assertThat(events.get(1).get("at").asString()).isNotBlank();
		long audited = auditEntries("parcel", Long.toString(id));
		// Creation, four steps, and the red-line drawing issued with the first step.
		assertThat(audited).isEqualTo(6);
	}

	@ParameterizedTest
	@EnumSource(value = ParcelLifecycle.class,
			names = { "PLANNED", "RED_LINE_ISSUED", "FILED", "LISTED", "TRANSFERRED" })
	void anyActiveParcelCanBeCancelled(ParcelLifecycle from) {
		long id = newParcel();
		for (ParcelLifecycle step : ParcelLifecycle.values()) {
			if (step.ordinal() > 0 && step.ordinal() <= from.ordinal()) {
				assertThat(move(id, step.code()).status()).isEqualTo(200);
			}
		}
		Http.Response response = move(id, "cancelled");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("properties").get("status").asString()).isEqualTo("cancelled");
	}

	@Test
	void deleteCancelsTheParcelAndKeepsTheRow() {
		long id = newParcel();
		Http.Response response = as("planner").delete("/api/parcels/" + id, Map.of("If-Match", "\"1\""));
		assertThat(response.status()).isEqualTo(200);
		assertThat(as("viewer").get("/api/parcels/" + id).json().get("properties").get("status").asString())
			.isEqualTo("cancelled");
	}

	/**
	 * A lifecycle step takes an If-Match list as the edits do: it holds when one of its
	 * tags is the current one.
	 */
	@Test
	void aStepHoldsWhenAnIfMatchListNamesTheCurrentVersion() {
		long id = newParcel();
		Map<String, String> headers = Map.of("Content-Type", "application/json", "If-Match", "\"4\", \"2\"");
		String step = "{\"to\":\"red_line_issued\"}";
		assertProblem(as("planner").send("POST", "/api/parcels/" + id + "/transitions", step, headers), 412);
		assertThat(as("viewer").get("/api/parcels/" + id).json().get("properties").get("status").asString())
			.isEqualTo("planned");
		Http.Response moved = as("planner").send("POST", "/api/parcels/" + id + "/transitions", step,
				Map.of("Content-Type", "application/json", "If-Match", "\"4\", \"1\""));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("properties").get("status").asString()).isEqualTo("red_line_issued");
	}

	@Nested
	class Refused {

		@Test
		void skippingAStepIsAConflictThatChangesNothing() {
			long id = newParcel();
			Http.Response response = move(id, "listed");
			assertThat(response.status()).isEqualTo(409);
			JsonNode problem = response.json();
			assertThat(problem.get("type").asString()).endsWith("/illegal-transition");
			assertThat(problem.get("from").asString()).isEqualTo("planned");
			assertThat(problem.get("allowed").toString()).contains("red_line_issued");
			assertThat(problem.get("detail").asString()).contains("规划").contains("已挂牌");
			JsonNode parcel = as("viewer").get("/api/parcels/" + id).json();
			assertThat(parcel.get("properties").get("status").asString()).isEqualTo("planned");
			assertThat(parcel.get("properties").get("version").asInt()).isEqualTo(1);
			assertThat(as("viewer").get("/api/parcels/" + id + "/events").json().size()).isZero();
		}

		@Test
		void aCancelledParcelCannotComeBack() {
			long id = newParcel();
			move(id, "cancelled");
			assertThat(move(id, "planned").status()).isEqualTo(409);
			assertThat(move(id, "red_line_issued").status()).isEqualTo(409);
		}

		@Test
		void anUnknownStatusIsABadRequest() {
			long id = newParcel();
			Http.Response response = move(id, "sold'; DROP TABLE parcel; --");
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("property").asString()).isEqualTo("to");
		}

		@Test
		void aStaleVersionIsAPreconditionFailure() {
			long id = newParcel();
			Http.Response response = as("planner").send("POST", "/api/parcels/" + id + "/transitions",
					"{\"to\":\"red_line_issued\"}", Map.of("Content-Type", "application/json", "If-Match", "\"7\""));
			assertThat(response.status()).isEqualTo(412);
		}

		@Test
		void aViewerCannotMoveAParcel() {
			long id = newParcel();
			assertThat(
					as("viewer").post("/api/parcels/" + id + "/transitions", "{\"to\":\"red_line_issued\"}").status())
				.isEqualTo(403);
		}

		@Test
		void anUnknownParcelIsNotFound() {
			assertThat(move(987654321L, "filed").status()).isEqualTo(404);
		}

	}

}
