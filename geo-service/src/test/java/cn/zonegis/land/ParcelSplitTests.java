package cn.zonegis.land;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.zonegis.JsonMembers.memberWith;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * POST /api/parcels/{id}/split: one red line becomes two parcels, the original cancelled
 * with its history.
 */
class ParcelSplitTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@AfterEach
	void leaveTheDemoZoneAsItWas() {
		TestGround.clean(this.jdbc);
	}

	/** A 0.001° × 0.001° rectangle at the cell's corner; returns the created parcel. */
	private JsonNode newParcel(double[] c) {
		Http.Response response = as("planner").post("/api/parcels",
				TestGround.feature(TestGround.code("split"), TestGround.rectangle(c[0], c[1], 0.001, 0.001)));
		assertThat(response.status()).isEqualTo(201);
		return response.json();
	}

	/** A north-south line at lon x from below the cell to above it. */
	private static String verticalLine(double x, double[] c, double top) {
		return "{\"type\":\"LineString\",\"coordinates\":[[%s,%s],[%s,%s]]}".formatted(x, c[1] - 0.0002, x, c[1] + top);
	}

	private Http.Response split(String user, long id, String body, String etag) {
		return as(user).send("POST", "/api/parcels/" + id + "/split", body,
				Map.of("Content-Type", "application/json", "If-Match", etag));
	}

	private JsonNode parcel(long id) {
		return as("viewer").get("/api/parcels/" + id).json();
	}

	@Test
	void aLineAcrossARectangleMakesTwoParcelsWhoseAreasSumToTheOriginal() {
		double[] c = TestGround.cell();
		JsonNode original = newParcel(c);
		long id = original.get("id").asLong();
		String code = original.get("properties").get("code").asString();
		assertThat(as("planner").post("/api/parcels/" + id + "/transitions", "{\"to\":\"red_line_issued\"}").status())
			.isEqualTo(200);
		String codes = "[\"" + code + "-W\",\"" + code + "-E\"]";
		Http.Response response = split("planner", id, "{\"line\":" + verticalLine(c[0] + 0.0004, c, 0.0012)
				+ ",\"codes\":" + codes + ",\"note\":\"road widening\"}", "\"2\"");

		assertThat(response.status()).isEqualTo(200);
		JsonNode pieces = response.json().get("features");
		assertThat(response.json().get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(pieces.size()).isEqualTo(2);
		JsonNode west = pieces.get(0).get("properties");
		JsonNode east = pieces.get(1).get("properties");
		assertThat(west.get("code").asString()).isEqualTo(code + "-W");
		assertThat(east.get("code").asString()).isEqualTo(code + "-E");
		double originalArea = original.get("properties").get("area_m2").asDouble();
		// Each area is rounded to 0.01 m²: the pieces' sum may differ from the whole by
		// that much, and a binary double may put the difference a hair past it.
		assertThat(west.get("area_m2").asDouble() + east.get("area_m2").asDouble()).isCloseTo(originalArea,
				within(0.0101));
		assertThat(west.get("area_m2").asDouble()).isCloseTo(originalArea * 0.4, within(originalArea * 0.01));
		for (JsonNode piece : new JsonNode[] { west, east }) {
			assertThat(piece.get("status").asString()).isEqualTo("red_line_issued");
			assertThat(piece.get("holder").asString()).isEqualTo("测试公司");
			assertThat(piece.get("land_use").asString()).isEqualTo("工业用地");
			assertThat(piece.get("note").asString()).contains("split from " + code).contains("road widening");
		}

		JsonNode cancelled = parcel(id).get("properties");
		assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.get("version").asInt()).isEqualTo(3);
		JsonNode events = as("viewer").get("/api/parcels/" + id + "/events").json();
		JsonNode last = events.get(events.size() - 1);
		assertThat(last.get("toStatus").asString()).isEqualTo("cancelled");
		assertThat(last.get("note").asString()).contains("split into " + code + "-W, " + code + "-E");
		assertThat(as("viewer").get("/api/parcels/" + id + "/history").json().get("features").size()).isEqualTo(3);
		long audited = this.jdbc.sql(
				"SELECT count(*) FROM zonegis.audit_log WHERE action = 'split' AND entity = 'parcel' AND entity_id = :id")
			.param("id", Long.toString(id))
			.query(Long.class)
			.single();
		assertThat(audited).isEqualTo(1);
	}

	@Test
	void theSplitNoteIsKeptInEachPieceAsSentBlanksAndLineBreaksIncluded() {
		double[] c = TestGround.cell();
		long id = newParcel(c).get("id").asLong();
		String note = "  道路拓宽\n  见规划批复  ";
		Http.Response response = split("planner", id, "{\"line\":" + verticalLine(c[0] + 0.0004, c, 0.0012)
				+ ",\"note\":" + JSON.writeValueAsString(note) + "}", "\"1\"");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		for (JsonNode piece : response.json().get("features")) {
			assertThat(piece.at("/properties/note").asString()).endsWith(": " + note);
		}
	}

	@Test
	void withoutCodesThePiecesAreNumberedFromTheOriginalsCodeWestToEast() {
		double[] c = TestGround.cell();
		JsonNode original = newParcel(c);
		String code = original.get("properties").get("code").asString();
		Http.Response response = split("planner", original.get("id").asLong(),
				"{\"line\":" + verticalLine(c[0] + 0.0007, c, 0.0012) + "}", "\"1\"");
		assertThat(response.status()).isEqualTo(200);
		JsonNode pieces = response.json().get("features");
		assertThat(pieces.get(0).get("properties").get("code").asString()).isEqualTo(code + "-1");
		assertThat(pieces.get(1).get("properties").get("code").asString()).isEqualTo(code + "-2");
		assertThat(pieces.get(0).get("properties").get("status").asString()).isEqualTo("planned");
		assertThat(pieces.get(0).get("properties").get("area_m2").asDouble())
			.isGreaterThan(pieces.get(1).get("properties").get("area_m2").asDouble());
	}

	@Test
	void theHalfYearReportCountsASplitsOriginalNotAsCancelledButAPlainCancelSo() {
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		String report = "/api/reports/half-year?sections=land&from=" + today + "&to=" + today;
		JsonNode before = as("viewer").get(report).json().at("/sections/0/figures");
		double[] c = TestGround.cell();
		JsonNode splitOne = newParcel(c);
		assertThat(split("planner", splitOne.get("id").asLong(),
				"{\"line\":" + verticalLine(c[0] + 0.0004, c, 0.0012) + "}", "\"1\"")
			.status()).isEqualTo(200);
		JsonNode cancelledOne = newParcel(TestGround.cell());
		assertThat(as("planner")
			.post("/api/parcels/" + cancelledOne.get("id").asLong() + "/transitions", "{\"to\":\"cancelled\"}")
			.status()).isEqualTo(200);

		JsonNode section = as("viewer").get(report).json().at("/sections/0");
		JsonNode after = section.get("figures");
		BigDecimal count = value(after, "land.cancelled.count");
		assertThat(count).isEqualByComparingTo(value(before, "land.cancelled.count").add(BigDecimal.ONE));
		assertThat(value(after, "land.cancelled.area_m2")).isEqualByComparingTo(
				value(before, "land.cancelled.area_m2").add(cancelledOne.at("/properties/area_m2").decimalValue()));
		assertThat(section.get("text").asString()).contains(
				"注销" + count.toPlainString() + "宗（" + value(after, "land.cancelled.area_mu").toPlainString() + "亩）");
		JsonNode rows = as("viewer").get(memberWith(after, "key", "land.cancelled.count").get("rows").asString())
			.json();
		assertThat(rows.findValuesAsString("label"))
			.anyMatch((label) -> label.startsWith(cancelledOne.at("/properties/code").asString() + " "))
			.noneMatch((label) -> label.startsWith(splitOne.at("/properties/code").asString() + " "));
	}

	private static BigDecimal value(JsonNode figures, String key) {
		return memberWith(figures, "key", key).get("value").decimalValue();
	}

	@Nested
	class Refused {

		@Test
		void aLineThatStopsInsideTheParcelIsUnprocessableAndChangesNothing() {
			double[] c = TestGround.cell();
			JsonNode original = newParcel(c);
			long id = original.get("id").asLong();
			Http.Response response = split("planner", id, "{\"line\":" + verticalLine(c[0] + 0.0004, c, 0.0005) + "}",
					"\"1\"");
			assertProblem(response, 422, "split-line-misses");
			assertThat(response.json().get("detail").asString()).contains("两次");
			JsonNode after = parcel(id).get("properties");
			assertThat(after.get("status").asString()).isEqualTo("planned");
			assertThat(after.get("version").asInt()).isEqualTo(1);
			assertThat(as("viewer").get("/api/parcels/" + id + "/events").json().size()).isZero();
			String code = original.get("properties").get("code").asString();
			assertThat(jdbc.sql("SELECT count(*) FROM zonegis.parcel WHERE code LIKE :c")
				.param("c", code + "-%")
				.query(Long.class)
				.single()).isZero();
		}

		@Test
		void aStaleIfMatchIsAPreconditionFailure() {
			double[] c = TestGround.cell();
			long id = newParcel(c).get("id").asLong();
			Http.Response response = split("planner", id, "{\"line\":" + verticalLine(c[0] + 0.0004, c, 0.0012) + "}",
					"\"7\"");
			assertThat(response.status()).isEqualTo(412);
			assertThat(parcel(id).get("properties").get("status").asString()).isEqualTo("planned");
		}

		@Test
		void aMissingIfMatchIsRequired() {
			double[] c = TestGround.cell();
			long id = newParcel(c).get("id").asLong();
			assertThat(as("planner")
				.post("/api/parcels/" + id + "/split", "{\"line\":" + verticalLine(c[0] + 0.0004, c, 0.0012) + "}")
				.status()).isEqualTo(428);
		}

		@Test
		void aViewerCannotSplit() {
			double[] c = TestGround.cell();
			long id = newParcel(c).get("id").asLong();
			assertThat(
					split("viewer", id, "{\"line\":" + verticalLine(c[0] + 0.0004, c, 0.0012) + "}", "\"1\"").status())
				.isEqualTo(403);
		}

		@Test
		void codesThatDoNotMatchThePiecesAreUnprocessable() {
			double[] c = TestGround.cell();
			long id = newParcel(c).get("id").asLong();
			Http.Response response = split("planner", id,
					"{\"line\":" + verticalLine(c[0] + 0.0004, c, 0.0012) + ",\"codes\":[\"TEST-only-one\"]}", "\"1\"");
			assertThat(response.status()).isEqualTo(422);
			assertThat(response.json().get("pieces").asInt()).isEqualTo(2);
		}

		@Test
		void aCodeWithBlanksAroundItIsABadRequestAndChangesNothing() {
			double[] c = TestGround.cell();
			long id = newParcel(c).get("id").asLong();
			Http.Response response = split("planner", id,
					"{\"line\":" + verticalLine(c[0] + 0.0004, c, 0.0012) + ",\"codes\":[\"TEST-W\",\" TEST-E\"]}",
					"\"1\"");
			assertProblem(response, 400, "invalid-split");
			assertThat(response.json().get("property").asString()).isEqualTo("codes");
			assertThat(parcel(id).at("/properties/status").asString()).isEqualTo("planned");
		}

		@Test
		void aMistypedMemberIsUnprocessableByNameAndChangesNothing() {
			double[] c = TestGround.cell();
			long id = newParcel(c).get("id").asLong();
			String line = verticalLine(c[0] + 0.0004, c, 0.0012);
			Http.Response response = split("planner", id,
					"{\"line\":" + line + ",\"codez\":[\"S-A\",\"S-B\"],\"reason\":\"road\"}", "\"1\"");
			assertProblem(response, 422, "unknown-property");
			assertThat(response.json().get("property").asString()).isEqualTo("codez");
			assertThat(response.json().get("detail").asString()).contains("codez");
			response = split("planner", id, "{\"line\":" + line + ",\"reason\":\"road\"}", "\"1\"");
			assertProblem(response, 422, "unknown-property");
			assertThat(response.json().get("property").asString()).isEqualTo("reason");
			JsonNode after = parcel(id).get("properties");
			assertThat(after.get("status").asString()).isEqualTo("planned");
			assertThat(after.get("version").asInt()).isEqualTo(1);
		}

		@Test
		void hostileBodiesAreBadRequests() {
			double[] c = TestGround.cell();
			long id = newParcel(c).get("id").asLong();
			String line = verticalLine(c[0] + 0.0004, c, 0.0012);
			assertThat(split("planner", id, "[1,2]", "\"1\"").status()).isEqualTo(400);
			assertThat(split("planner", id, "{\"line\":" + line + ",\"codes\":\"x'; DROP TABLE parcel; --\"}", "\"1\"")
				.status()).isEqualTo(400);
			assertThat(split("planner", id, "{\"line\":" + line + ",\"codes\":[\"S-A\",null]}", "\"1\"").status())
				.isEqualTo(400);
			assertThat(split("planner", id, "{\"line\":" + line + ",\"note\":5}", "\"1\"").status()).isEqualTo(400);
			assertThat(split("planner", id, "{\"line\":{\"type\":\"LineString\",\"coordinates\":[[\"a\",1],[2,3]]}}",
					"\"1\"")
				.status()).isEqualTo(400);
			assertThat(
					split("planner", id, "{\"line\":{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}}", "\"1\"")
						.status())
				.isEqualTo(422);
			assertThat(parcel(id).get("properties").get("version").asInt()).isEqualTo(1);
		}

		@Test
		void aCancelledParcelCannotBeSplit() {
			double[] c = TestGround.cell();
			long id = newParcel(c).get("id").asLong();
			as("planner").post("/api/parcels/" + id + "/transitions", "{\"to\":\"cancelled\"}");
			assertThat(
					split("planner", id, "{\"line\":" + verticalLine(c[0] + 0.0004, c, 0.0012) + "}", "\"2\"").status())
				.isEqualTo(409);
		}

		@Test
		void anUnknownParcelIsNotFound() {
			double[] c = TestGround.cell();
			assertThat(
					split("planner", 987654321L, "{\"line\":" + verticalLine(c[0] + 0.0004, c, 0.0012) + "}", "\"1\"")
						.status())
				.isEqualTo(404);
		}

	}

}
