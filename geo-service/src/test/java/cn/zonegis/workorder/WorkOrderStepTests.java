package cn.zonegis.workorder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import cn.zonegis.Http;
import cn.zonegis.MultipartFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Taking a work order round the loop, with quantities, notes and photos; and the steps
 * refused.
 */
class WorkOrderStepTests extends WorkOrderTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	long crewId;

	String member;

	@BeforeEach
	void crewWithMember() {
		this.crewId = crew("pipe_dredging,road_repair", LON, LAT, true);
		this.member = crewMember(this.crewId);
	}

	@Test
	void theDispatcherAndTheCrewCloseTheLoop() {
		long id = inProgress("pipe_dredging", this.crewId, this.member);
		long photo = upload(this.member, id, PNG, "image/png").get("id").asLong();
		Http.Response completed = step(as(this.member), id, """
				{"to":"completed","note":"疏通完毕","quantity":42.5,"location":{"lon":122.0501,"lat":37.1902},
				 "attachmentIds":[%d]}
				""".formatted(photo));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		assertThat(completed.json().get("quantity").asDouble()).isEqualTo(42.5);
		assertThat(completed.json().get("quantityUnit").asString()).isEqualTo("m");
		assertThat(step(as("dispatcher"), id, to("verified")).status()).isEqualTo(200);
		assertThat(step(as("dispatcher"), id, to("closed")).status()).isEqualTo(200);

		JsonNode order = as("viewer").get("/api/workorders/" + id).json();
		assertThat(order.get("state").asString()).isEqualTo("closed");
		assertThat(order.get("events")).extracting((e) -> e.get("toState").asString())
			.containsExactly("new", "dispatched", "in_progress", "completed", "verified", "closed");
		JsonNode completion = order.get("events").get(3);
		assertThat(completion.get("by").asString()).isEqualTo(this.member);
		assertThat(completion.get("note").asString()).isEqualTo("疏通完毕");
		assertThat(completion.get("location").get("lat").asDouble()).isEqualTo(37.1902);
		assertThat(completion.get("attachments").get(0).get("contentType").asString()).isEqualTo("image/png");
		assertThat(auditEntries("work_order", String.valueOf(id))).isEqualTo(7);
	}

	@Test
	void aPhotoIsServedBackWithItsTypeAndNotSniffed() {
		long id = inProgress("road_repair", this.crewId, this.member);
		String url = upload(this.member, id, PNG, "image/png").get("url").asString();
		Http.Response photo = as("viewer").get(url);
		assertThat(photo.status()).isEqualTo(200);
		assertThat(photo.contentType()).isEqualTo("image/png");
		assertThat(photo.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void rejectedWorkGoesBackToTheCrewAndIsCompletedAgain() {
		long id = inProgress("road_repair", this.crewId, this.member);
		step(as(this.member), id, "{\"to\":\"completed\",\"quantity\":12}");
		assertThat(step(as("dispatcher"), id, "{\"to\":\"rejected\",\"note\":\"修补不平整\"}").status()).isEqualTo(200);
		assertThat(step(as(this.member), id, to("in_progress")).status()).isEqualTo(200);
		Http.Response again = step(as(this.member), id,
				"{\"to\":\"completed\",\"quantity\":15,\"quantityUnit\":\"m2\"}");
		assertThat(again.json().get("quantity").asDouble()).isEqualTo(15);
		assertThat(state(id)).isEqualTo("completed");
	}

	@Test
	void theDispatcherMayCancelAnOrderNotYetCompleted() {
		long id = reportAt("other").get("id").asLong();
		assertThat(step(as("dispatcher"), id, "{\"to\":\"cancelled\",\"note\":\"重复上报\"}").status()).isEqualTo(200);
		assertThat(state(id)).isEqualTo("cancelled");
	}

	@Test
	void aDescriptionAndAStepNoteAreKeptAsWrittenBlanksAndLineBreaksIncluded() {
		// The description keeps the test prefix first, for the clean-up to find it.
		String description = unique("order") + "\n  东侧第二个井盖松动  \n";
		long id = report("""
				{"kind":"other","description":%s,"location":{"lon":%s,"lat":%s}}
				""".formatted(JSON.writeValueAsString(description), LON, LAT)).get("id").asLong();
		String note = "  重复上报\n\t见上一单  ";
		Http.Response cancelled = step(as("dispatcher"), id,
				"{\"to\":\"cancelled\",\"note\":" + JSON.writeValueAsString(note) + "}");
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		JsonNode order = as("viewer").get("/api/workorders/" + id).json();
		assertThat(order.get("description").asString()).isEqualTo(description);
		assertThat(order.get("events").get(1).get("note").asString()).isEqualTo(note);
	}

	@Test
	void aCurrentIfMatchIsAccepted() {
		long id = reportAt("other").get("id").asLong();
		Http.Response response = as("dispatcher").send("POST", "/api/workorders/" + id + "/transitions",
				to("cancelled"), ifMatch(1));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("ETag")).isEqualTo("\"2\"");
	}

	@Nested
	class Refused {

		@Test
		void anIllegalTransitionIsAConflictAndChangesNothing() {
			long id = reportAt("other").get("id").asLong();
			Http.Response response = step(as("dispatcher"), id, to("closed"));
			assertProblem(response, 409, "illegal-transition");
			assertThat(response.json().get("state").asString()).isEqualTo("new");
			assertThat(response.json().get("allowed")).extracting(JsonNode::asString)
				.containsExactlyInAnyOrder("dispatched", "cancelled");
			assertThat(state(id)).isEqualTo("new");
			assertThat(events(id)).isEqualTo(1);
		}

		@Test
		void completedWorkCannotBeCancelled() {
			long id = inProgress("road_repair", WorkOrderStepTests.this.crewId, WorkOrderStepTests.this.member);
			step(as(WorkOrderStepTests.this.member), id, "{\"to\":\"completed\",\"quantity\":3}");
			assertProblem(step(as("dispatcher"), id, to("cancelled")), 409, "illegal-transition");
			assertThat(state(id)).isEqualTo("completed");
		}

		@Test
		void aStaleIfMatchIsAPreconditionFailureAndChangesNothing() {
			long id = reportAt("other").get("id").asLong();
			step(as("dispatcher"), id, to("cancelled"));
			long before = events(id);
			Http.Response response = as("dispatcher").send("POST", "/api/workorders/" + id + "/transitions",
					to("cancelled"), ifMatch(1));
			assertProblem(response, 412, "stale-version");
			assertThat(events(id)).isEqualTo(before);
		}

		@Test
		void aStaleIfMatchNamesTheOrderAndTheVersionToReload() {
			JsonNode order = reportAt("other");
			long id = order.get("id").asLong();
			step(as("dispatcher"), id, to("cancelled"));
			Http.Response response = as("dispatcher").send("POST", "/api/workorders/" + id + "/transitions",
					to("cancelled"), ifMatch(1));
			assertProblem(response, 412, "stale-version");
			assertThat(response.json().get("currentVersion").asInt()).isEqualTo(2);
			assertThat(response.json().get("detail").asString()).contains(order.get("code").asString())
				.contains("当前版本 2");
		}

		@Test
		void anUnknownStateIsABadRequest() {
			long id = reportAt("other").get("id").asLong();
			assertProblem(step(as("dispatcher"), id, to("done")), 400, "unknown-state");
		}

		@Test
		void dispatchingGoesThroughDispatchWithACrew() {
			long id = reportAt("other").get("id").asLong();
			assertProblem(step(as("dispatcher"), id, to("dispatched")), 400, "dispatch-needs-crew");
			assertProblem(as("dispatcher").post("/api/workorders/" + id + "/dispatch", "{}"), 400, "missing-field");
			assertProblem(dispatch(as("dispatcher"), id, 987654321), 422, "unknown-crew");
			assertThat(state(id)).isEqualTo("new");
		}

		@Test
		void anInactiveCrewTakesNoOrders() {
			long id = reportAt("road_repair").get("id").asLong();
			assertProblem(dispatch(as("dispatcher"), id, crew("road_repair", LON, LAT, false)), 409, "crew-inactive");
		}

		@Test
		void completionWithoutQuantityIsABadRequestAndChangesNothing() {
			long id = inProgress("pipe_dredging", WorkOrderStepTests.this.crewId, WorkOrderStepTests.this.member);
			long before = events(id);
			Http.Response response = step(as(WorkOrderStepTests.this.member), id, to("completed"));
			assertProblem(response, 400, "quantity-required");
			assertThat(response.json().get("unit").asString()).isEqualTo("m");
			assertThat(state(id)).isEqualTo("in_progress");
			assertThat(events(id)).isEqualTo(before);
		}

		@Test
		void aQuantityInAnotherKindsUnitIsABadRequest() {
			long id = inProgress("pipe_dredging", WorkOrderStepTests.this.crewId, WorkOrderStepTests.this.member);
			assertProblem(step(as(WorkOrderStepTests.this.member), id,
					"{\"to\":\"completed\",\"quantity\":3,\"quantityUnit\":\"盏\"}"), 400, "quantity-unit");
			assertProblem(step(as(WorkOrderStepTests.this.member), id, "{\"to\":\"completed\",\"quantity\":-3}"), 400,
					"invalid-quantity");
			assertProblem(step(as(WorkOrderStepTests.this.member), id, "{\"to\":\"completed\",\"quantity\":1e12}"), 400,
					"invalid-quantity");
			assertThat(state(id)).isEqualTo("in_progress");
		}

		@Test
		void aQuantityOnAnyOtherStepIsABadRequest() {
			long id = reportAt("other").get("id").asLong();
			assertProblem(step(as("dispatcher"), id, "{\"to\":\"cancelled\",\"quantity\":3}"), 400,
					"quantity-not-expected");
		}

		@Test
		void aStepLocationOutsideTheZoneIsRefused() {
			long id = reportAt("other").get("id").asLong();
			assertProblem(step(as("dispatcher"), id, "{\"to\":\"cancelled\",\"location\":{\"lon\":0,\"lat\":0}}"), 422,
					"outside-zone");
			assertThat(state(id)).isEqualTo("new");
		}

		@Test
		void anotherOrdersPhotoCannotBeAttachedAndNothingChanges() {
			long first = inProgress("road_repair", WorkOrderStepTests.this.crewId, WorkOrderStepTests.this.member);
			long second = inProgress("road_repair", WorkOrderStepTests.this.crewId, WorkOrderStepTests.this.member);
			long photo = upload(WorkOrderStepTests.this.member, first, PNG, "image/png").get("id").asLong();
			Http.Response response = step(as(WorkOrderStepTests.this.member), second,
					"{\"to\":\"completed\",\"quantity\":2,\"attachmentIds\":[%d]}".formatted(photo));
			assertProblem(response, 422, "unknown-attachment");
			assertThat(state(second)).isEqualTo("in_progress");
		}

		@Test
		void aFileThatIsNotAPhotoIsRefusedWhateverItClaims() {
			long id = inProgress("road_repair", WorkOrderStepTests.this.crewId, WorkOrderStepTests.this.member);
			Http.Response response = rawUpload(WorkOrderStepTests.this.member, id,
					"<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "image/png");
			assertProblem(response, 415, "photo-type");
		}

		@Test
		void aPhotoNameTooLongOrWithAControlCharacterIsRefusedAndNothingIsStored() {
			long id = inProgress("road_repair", WorkOrderStepTests.this.crewId, WorkOrderStepTests.this.member);
			String tooLong = "A".repeat(150) + "\u0007" + "B".repeat(100) + ".png";
			for (String name : List.of(tooLong, "现场\u0007.png", "C".repeat(197) + ".png")) {
				Http.Response response = as(WorkOrderStepTests.this.member)
					.upload("/api/workorders/" + id + "/attachments", MultipartFile.of(name, "image/png", PNG));
				assertProblem(response, 400, "invalid-file-name");
				assertThat(response.json().get("parameter").asString()).isEqualTo("file");
			}
			assertThat(WorkOrderStepTests.this.jdbc
				.sql("SELECT count(*) FROM zonegis.work_order_attachment WHERE work_order_id = :id")
				.param("id", id)
				.query(Long.class)
				.single()).isZero();
		}

		@Test
		void theCrewMayNotVerifyItsOwnWork() {
			long id = inProgress("road_repair", WorkOrderStepTests.this.crewId, WorkOrderStepTests.this.member);
			step(as(WorkOrderStepTests.this.member), id, "{\"to\":\"completed\",\"quantity\":2}");
			assertProblem(step(as(WorkOrderStepTests.this.member), id, to("verified")), 403, "step-not-yours");
			assertThat(state(id)).isEqualTo("completed");
		}

		@Test
		void aPlannerMayNotStepAnOrder() {
			long id = reportAt("other").get("id").asLong();
			assertProblem(step(as("planner"), id, to("cancelled")), 403, "forbidden");
		}

	}

	JsonNode upload(String user, long id, byte[] bytes, String type) {
		Http.Response response = rawUpload(user, id, bytes, type);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	/** A multipart upload as a phone's browser sends it. */
	Http.Response rawUpload(String user, long id, byte[] bytes, String type) {
		return as(user).upload("/api/workorders/" + id + "/attachments", MultipartFile.of("现场.png", type, bytes));
	}

}
