package cn.zonegis.workorder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.zonegis.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enterprise inspections (安全生产、环保检查) on the one inspection → finding loop: their kind,
 * re-inspections linked to the first, findings put right on the spot, and the work a
 * completed order states by kind of the work catalogue.
 */
class EnterpriseInspectionTests extends WorkOrderTest {

	long crewId;

	String member;

	long enterpriseId;

	@BeforeEach
	void inspectorsAndAnEnterprise() {
		this.crewId = crew("inspection,other,road_repair", LON, LAT, true);
		this.member = crewMember(this.crewId);
		this.enterpriseId = this.jdbc.sql("SELECT min(id) FROM zonegis.enterprise").query(Long.class).single();
	}

	private JsonNode inspect(String extra) {
		return report("""
				{"kind":"inspection","description":"%s","enterpriseId":%d%s}
				""".formatted(unique("inspection"), this.enterpriseId, extra));
	}

	@Test
	void anInspectionKeepsItsKindAndAReinspectionItsFirstInspection() {
		JsonNode first = inspect(",\"inspectionKind\":\"heating_stove\"");
		JsonNode again = inspect(
				",\"inspectionKind\":\"heating_stove\",\"reinspectionOf\":" + first.get("id").asLong());
		assertThat(first.get("inspectionKind").asString()).isEqualTo("heating_stove");
		JsonNode read = as("viewer").get("/api/workorders/" + again.get("id").asLong()).json();
		assertThat(read.get("reinspectionOf").asLong()).isEqualTo(first.get("id").asLong());
	}

	@Test
	void aFindingPutRightOnTheSpotIsMarkedAndStillKeepsTheInspectionOpenUntilVerified() {
		long inspection = inspect(",\"inspectionKind\":\"fire\"").get("id").asLong();
		dispatch(as("dispatcher"), inspection, this.crewId);
		step(as(this.member), inspection, to("in_progress"));
		Http.Response finding = as(this.member).post("/api/workorders/" + inspection + "/findings", """
				{"kind":"other","description":"%s","rectifiedOnSpot":true}
				""".formatted(unique("灭火器压力不足")));
		assertThat(finding.status()).as(finding.body()).isEqualTo(201);
		assertThat(finding.json().get("rectifiedOnSpot").asBoolean()).isTrue();
		step(as(this.member), inspection, to("completed"));
		step(as("dispatcher"), inspection, to("verified"));
		assertProblem(step(as("dispatcher"), inspection, to("closed")), 409, "open-findings");
	}

	@Test
	void aCompletedOrderRecordsItsWorkByKindOfTheCatalogue() {
		long order = report(atPoint("road_repair", "normal", LON, LAT)).get("id").asLong();
		dispatch(as("dispatcher"), order, this.crewId);
		step(as(this.member), order, to("in_progress"));
		Http.Response done = step(as(this.member), order, """
				{"to":"completed","quantity":120,"workDone":[{"workKind":"asphalt_laid","amount":120},
					{"workKind":"kerb_installed","amount":35.5}]}
				""");
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		BigDecimal kerb = this.jdbc
			.sql("SELECT amount FROM zonegis.work_quantity WHERE work_order_id = :id AND work_kind = 'kerb_installed'")
			.param("id", order)
			.query(BigDecimal.class)
			.single();
		assertThat(kerb).isEqualByComparingTo("35.5");
		assertThat(as("viewer").get("/api/work-kinds").json()).hasSize(28);
	}

	@Test
	void theWorkOfARejectedCompletionDoesNotCountOnceTheOrderIsClosed() {
		JsonNode order = reportAt("road_repair");
		long id = order.get("id").asLong();
		dispatch(as("dispatcher"), id, this.crewId);
		step(as(this.member), id, to("in_progress"));
		step(as(this.member), id, """
				{"to":"completed","quantity":12.5,"workDone":[{"workKind":"asphalt_laid","amount":12.5}]}
				""");
		step(as("dispatcher"), id, to("rejected"));
		step(as(this.member), id, to("in_progress"));
		step(as(this.member), id, "{\"to\":\"completed\",\"quantity\":3}");
		step(as("dispatcher"), id, to("verified"));
		assertThat(step(as("dispatcher"), id, to("closed")).status()).isEqualTo(200);
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		Http.Response rows = as("viewer")
			.get("/api/reports/half-year/rows?figure=municipal.asphalt_laid&from=" + today + "&to=" + today);
		assertThat(rows.status()).as(rows.body()).isEqualTo(200);
		assertThat(rows.body()).doesNotContain(order.get("code").asString());
	}

	@Nested
	class Refused {

		@Test
		void anUnknownInspectionKind() {
			assertProblem(as("dispatcher").post("/api/workorders", """
					{"kind":"inspection","description":"x","enterpriseId":%d,"inspectionKind":"weather"}
					""".formatted(EnterpriseInspectionTests.this.enterpriseId)), 400, "unknown-inspection-kind");
		}

		@Test
		void aReinspectionOfSomethingThatIsNotAnInspection() {
			long road = report(atPoint("road_repair", "normal", LON, LAT)).get("id").asLong();
			assertProblem(as("dispatcher").post("/api/workorders", """
					{"kind":"inspection","description":"x","enterpriseId":%d,"reinspectionOf":%d}
					""".formatted(EnterpriseInspectionTests.this.enterpriseId, road)), 422, "unknown-inspection");
		}

		@Test
		void anOnTheSpotFlagOutsideAFinding() {
			assertProblem(as("dispatcher").post("/api/workorders", """
					{"kind":"other","description":"x","location":{"lon":%s,"lat":%s},"rectifiedOnSpot":true}
					""".formatted(LON, LAT)), 400, "finding-only");
		}

		@Test
		void anUnknownKindOfWorkAndStoresNothing() {
			long order = report(atPoint("road_repair", "normal", LON, LAT)).get("id").asLong();
			dispatch(as("dispatcher"), order, EnterpriseInspectionTests.this.crewId);
			step(as(EnterpriseInspectionTests.this.member), order, to("in_progress"));
			Http.Response refused = step(as(EnterpriseInspectionTests.this.member), order, """
					{"to":"completed","quantity":10,"workDone":[{"workKind":"moon_dust","amount":1}]}
					""");
			assertProblem(refused, 400, "unknown-work-kind");
			assertThat(refused.json().get("parameter").asString()).isEqualTo("workDone[0].workKind");
			assertThat(as("viewer").get("/api/workorders/" + order).json().get("state").asString())
				.isEqualTo("in_progress");
		}

	}

}
