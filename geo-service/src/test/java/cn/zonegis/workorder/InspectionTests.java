package cn.zonegis.workorder;

import cn.zonegis.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 闭环: an inspection raises findings, and closes only once every finding is rectified and
 * verified.
 */
class InspectionTests extends WorkOrderTest {

	long crewId;

	String member;

	long enterpriseId;

	@BeforeEach
	void inspectorsAndAnEnterprise() {
		this.crewId = crew("inspection,other,pipe_dredging", LON, LAT, true);
		this.member = crewMember(this.crewId);
		this.enterpriseId = this.jdbc.sql("SELECT min(id) FROM zonegis.enterprise").query(Long.class).single();
	}

	long inspectionUnderWay() {
		long id = report("""
				{"kind":"inspection","priority":"high","description":"%s","enterpriseId":%d}
				""".formatted(unique("inspection"), this.enterpriseId)).get("id").asLong();
		dispatch(as("dispatcher"), id, this.crewId);
		step(as(this.member), id, to("in_progress"));
		return id;
	}

	JsonNode raise(long inspectionId, String kind) {
		Http.Response response = as(this.member).post("/api/workorders/" + inspectionId + "/findings",
				"{\"kind\":\"%s\",\"priority\":\"high\",\"description\":\"%s\"}".formatted(kind, unique("finding")));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	void finishInspection(long id) {
		step(as(this.member), id, to("completed"));
		step(as("dispatcher"), id, to("verified"));
	}

	void rectify(long findingId, String quantity) {
		dispatch(as("dispatcher"), findingId, this.crewId);
		step(as(this.member), findingId, to("in_progress"));
		step(as(this.member), findingId, "{\"to\":\"completed\"%s}".formatted(quantity));
		assertThat(step(as("dispatcher"), findingId, to("verified")).status()).isEqualTo(200);
	}

	@Test
	void aFindingIsARectificationOrderOfTheInspectedEnterprise() {
		long inspection = inspectionUnderWay();
		JsonNode finding = raise(inspection, "other");
		assertThat(finding.get("inspectionId").asLong()).isEqualTo(inspection);
		assertThat(finding.get("enterpriseId").asLong()).isEqualTo(this.enterpriseId);
		assertThat(finding.get("state").asString()).isEqualTo("new");
		JsonNode read = as("viewer").get("/api/workorders/" + inspection).json();
		assertThat(read.get("findings")).extracting((f) -> f.get("id").asLong())
			.containsExactly(finding.get("id").asLong());
	}

	@Test
	void anInspectionWithOpenFindingsCannotCloseAndChangesNothing() {
		long inspection = inspectionUnderWay();
		long rectified = raise(inspection, "other").get("id").asLong();
		String openCode = raise(inspection, "pipe_dredging").get("code").asString();
		rectify(rectified, "");
		finishInspection(inspection);
		long before = events(inspection);

		Http.Response response = step(as("dispatcher"), inspection, to("closed"));
		assertProblem(response, 409, "open-findings");
		assertThat(response.json().get("openFindings")).extracting(JsonNode::asString).containsExactly(openCode);
		assertThat(response.json().get("detail").asString()).contains(openCode);
		assertThat(state(inspection)).isEqualTo("verified");
		assertThat(events(inspection)).isEqualTo(before);
	}

	@Test
	void theInspectionClosesOnceEveryFindingIsVerified() {
		long inspection = inspectionUnderWay();
		long first = raise(inspection, "other").get("id").asLong();
		long second = raise(inspection, "pipe_dredging").get("id").asLong();
		finishInspection(inspection);
		rectify(first, "");
		assertProblem(step(as("dispatcher"), inspection, to("closed")), 409, "open-findings");
		rectify(second, ",\"quantity\":25");
		assertThat(step(as("dispatcher"), inspection, to("closed")).status()).isEqualTo(200);
		assertThat(state(inspection)).isEqualTo("closed");
	}

	@Test
	void anInspectionWithoutFindingsClosesOnceVerified() {
		long inspection = inspectionUnderWay();
		finishInspection(inspection);
		assertThat(step(as("dispatcher"), inspection, to("closed")).status()).isEqualTo(200);
	}

	@Test
	void findingsAreRaisedOnlyByAnInspectionUnderWay() {
		long notInspection = reportAt("other").get("id").asLong();
		assertProblem(as("dispatcher").post("/api/workorders/" + notInspection + "/findings",
				"{\"kind\":\"other\",\"description\":\"x\"}"), 409, "not-an-inspection");
		long fresh = report("""
				{"kind":"inspection","description":"%s","enterpriseId":%d}
				""".formatted(unique("inspection"), this.enterpriseId)).get("id").asLong();
		long before = rowCount("work_order");
		assertProblem(as("dispatcher").post("/api/workorders/" + fresh + "/findings",
				"{\"kind\":\"other\",\"description\":\"x\"}"), 409, "inspection-not-under-way");
		assertThat(rowCount("work_order")).isEqualTo(before);
	}

}
