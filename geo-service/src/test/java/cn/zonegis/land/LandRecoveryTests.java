package cn.zonegis.land;

import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** POST /api/parcels/{id}/recover, the recovery register and its statistics. */
class LandRecoveryTests extends IntegrationTest {

	/**
	 * Test recoveries are decided in a year no demo recovery uses, so statistics can be
	 * checked exactly; a past one, as a decision date must lie between 1949 and ten years
	 * ahead.
	 */
	private static final int TEST_YEAR = 1999;

	@AfterEach
	void leaveTheDemoZoneAsItWas() {
		TestGround.clean(this.jdbc);
	}

	private JsonNode newParcel() {
		double[] c = TestGround.cell();
		return as("planner")
			.post("/api/parcels",
					TestGround.feature(TestGround.code("rec"), TestGround.rectangle(c[0], c[1], 0.001, 0.001)))
			.json();
	}

	private Http.Response recover(long id, String reason, String landUse) {
		return as("planner").post("/api/parcels/" + id + "/recover", """
				{"formerHolder":"测试公司","landUse":"%s","reason":"%s","legalBasis":"《闲置土地处置办法》第十四条",
				 "decisionDate":"%d-03-01","certificateCancelled":true,"note":"两年未动工"}
				""".formatted(landUse, reason, TEST_YEAR));
	}

	@Test
	void aRecoveredParcelKeepsItsBoundaryInTheRegister() {
		JsonNode parcel = newParcel();
		long id = parcel.get("id").asLong();
		Http.Response response = recover(id, "idle", "industrial");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("properties").get("status").asString()).isEqualTo("recovered");

		JsonNode register = as("viewer").get("/api/land-recoveries?year=" + TEST_YEAR + "&reason=idle").json();
		assertThat(register.get("features").size()).isEqualTo(1);
		JsonNode entry = register.get("features").get(0);
		assertThat(entry.get("properties").get("parcel_code").asString())
			.isEqualTo(parcel.get("properties").get("code").asString());
		assertThat(entry.get("properties").get("certificate_cancelled").asBoolean()).isTrue();
		assertThat(entry.get("properties").get("area_m2").asDouble())
			.isEqualTo(parcel.get("properties").get("area_m2").asDouble());
		assertThat(entry.get("geometry")).isEqualTo(parcel.get("geometry"));
		assertThat(as("viewer").get("/api/parcels/" + id + "/events").json().get(0).get("toStatus").asString())
			.isEqualTo("recovered");
	}

	@Test
	void statisticsCountAndMeasureByYearAndReason() {
		JsonNode a = newParcel();
		JsonNode b = newParcel();
		JsonNode c = newParcel();
		recover(a.get("id").asLong(), "idle", "industrial");
		recover(b.get("id").asLong(), "idle", "commercial");
		recover(c.get("id").asLong(), "court_ruling", "industrial");

		JsonNode stats = as("viewer").get("/api/land-recoveries/stats?year=" + TEST_YEAR).json();

		JsonNode idle = row(stats, TEST_YEAR, "idle");
		assertThat(idle.get("count").asLong()).isEqualTo(2);
		double idleArea = a.get("properties").get("area_m2").asDouble() + b.get("properties").get("area_m2").asDouble();
		assertThat(idle.get("areaM2").asDouble()).isCloseTo(idleArea, offset(0.02));
		assertThat(idle.get("areaMu").asDouble()).isCloseTo(idleArea * 15 / 10000, offset(0.001));
		assertThat(row(stats, TEST_YEAR, "court_ruling").get("count").asLong()).isEqualTo(1);
		assertThat(row(stats, TEST_YEAR, null).get("count").asLong()).isEqualTo(3);
		assertThat(as("viewer").get("/api/land-recoveries/stats?year=" + TEST_YEAR + "&landUse=commercial")
			.json()
			.get(0)
			.get("count")
			.asLong()).isEqualTo(1);
	}

	@Test
	void theDemoRegisterTotalsMatchItsRows() {
		JsonNode stats = as("viewer").get("/api/land-recoveries/stats").json();
		JsonNode total = row(stats, null, null);
		long rows = rowCount("land_recovery");
		double area = this.jdbc.sql("SELECT sum(ST_Area(ST_Transform(geom, 4550))) FROM zonegis.land_recovery")
			.query(Double.class)
			.single();
		assertThat(total.get("count").asLong()).isEqualTo(rows);
		assertThat(total.get("areaM2").asDouble()).isCloseTo(area, offset(0.01));
		long yearRows = 0;
		for (JsonNode r : stats) {
			if (r.get("year") != null && r.get("reason") == null) {
				yearRows += r.get("count").asLong();
			}
		}
		assertThat(yearRows).isEqualTo(rows);
	}

	private static JsonNode row(JsonNode stats, Integer year, String reason) {
		for (JsonNode r : stats) {
			boolean sameYear = (year == null) ? r.get("year") == null
					: r.get("year") != null && r.get("year").asInt() == year;
			boolean sameReason = (reason == null) ? r.get("reason") == null
					: r.get("reason") != null && reason.equals(r.get("reason").asString());
			if (sameYear && sameReason) {
				return r;
			}
		}
		throw new AssertionError("no row for " + year + "/" + reason + " in " + stats);
	}

	@Nested
	class Refused {

		@Test
		void aCancelledParcelCannotBeRecoveredAndNoRecordIsKept() {
			long id = newParcel().get("id").asLong();
			as("planner").delete("/api/parcels/" + id, Map.of());
			assertThat(recover(id, "idle", "industrial").status()).isEqualTo(409);
			assertThat(jdbc.sql("SELECT count(*) FROM zonegis.land_recovery WHERE parcel_id = :id")
				.param("id", id)
				.query(Long.class)
				.single()).isZero();
		}

		@Test
		void anUnknownReasonIsABadRequestListingTheReasons() {
			long id = newParcel().get("id").asLong();
			Http.Response response = recover(id, "whim", "industrial");
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("property").asString()).isEqualTo("reason");
			assertThat(response.json().get("allowed").toString()).contains("low_efficiency");
		}

		@Test
		void aFormerHolderWithBlanksAroundItIsABadRequestAndTheParcelIsNotRecovered() {
			long id = newParcel().get("id").asLong();
			Http.Response response = as("planner").post("/api/parcels/" + id + "/recover", """
					{"formerHolder":"测试公司 ","landUse":"industrial","reason":"idle","decisionDate":"%d-03-01"}
					""".formatted(TEST_YEAR));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("property").asString()).isEqualTo("formerHolder");
			assertThat(as("viewer").get("/api/parcels/" + id).json().at("/properties/status").asString())
				.isEqualTo("planned");
		}

		@Test
		void aRecoveryWithoutADecisionDateIsABadRequest() {
			long id = newParcel().get("id").asLong();
			Http.Response response = as("planner").post("/api/parcels/" + id + "/recover",
					"{\"landUse\":\"industrial\",\"reason\":\"idle\"}");
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("property").asString()).isEqualTo("decisionDate");
		}

		@Test
		void recoveringThroughTheTransitionEndpointPointsToRecover() {
			long id = newParcel().get("id").asLong();
			Http.Response response = as("planner").post("/api/parcels/" + id + "/transitions",
					"{\"to\":\"recovered\"}");
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("detail").asString()).contains("/api/parcels/" + id + "/recover");
		}

		@Test
		void hostileFiltersAreBadRequests() {
			assertThat(as("viewer").get("/api/land-recoveries?year=1;DROP").status()).isEqualTo(400);
			assertThat(as("viewer").get("/api/land-recoveries?reason=idle'--").status()).isEqualTo(400);
			assertThat(as("viewer").get("/api/land-recoveries/stats?year=99999").status()).isEqualTo(400);
		}

		@Test
		void aViewerCannotRecoverLand() {
			long id = newParcel().get("id").asLong();
			assertThat(as("viewer").post("/api/parcels/" + id + "/recover", "{}").status()).isEqualTo(403);
		}

	}

}
