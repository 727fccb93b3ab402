package cn.zonegis.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.geo.ZoneTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static cn.zonegis.Problems.assertBadParameter;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectTests extends IntegrationTest {

	static final String AS_OF = "2026-11-25";

	@Autowired
	private ZoneTime zoneTime;

	private static Map<String, String> ifMatch(String etag) {
		return Map.of("If-Match", etag, "Content-Type", "application/json");
	}

	@AfterEach
	void deleteTestProjects() {
		this.jdbc.sql("DELETE FROM zonegis.project WHERE name LIKE 'TEST-%'").update();
	}

	/**
	 * Extra properties replace the defaults: a member given twice is refused as
	 * ambiguous.
	 */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	static String project(String name, String geometry, String extra) {
		ObjectNode properties = (ObjectNode) JSON.readTree("""
				{"name":"%s","level":"city","category":"新材料","total_investment_wan":20000,
				 "completed_investment_wan":5000,"annual_target_wan":8000,"start_date":"2025-03-01",
				 "state":"under_construction","parcel_codes":["3710-019"]}""".formatted(name));
		if (!extra.isEmpty()) {
			properties.setAll((ObjectNode) JSON.readTree("{" + extra.substring(1) + "}"));
		}
		return "{\"type\":\"Feature\",\"geometry\":%s,\"properties\":%s}".formatted(geometry, properties);
	}

	static final String POINT = "{\"type\":\"Point\",\"coordinates\":[122.06,37.18]}";

	static String name() {
		return "TEST-项目-" + System.nanoTime();
	}

	List<JsonNode> features(String query) {
		return as("viewer").get("/api/projects" + query).json().path("features").valueStream().toList();
	}

	static JsonNode named(List<JsonNode> features, String name) {
		return features.stream()
			.filter((f) -> f.path("properties").path("name").stringValue().equals(name))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void sortedByProgressTheProjectsFurthestBehindComeFirstWithTheirProgress() {
		List<JsonNode> features = features("?sort=progress&asOf=" + AS_OF);
		assertThat(features)
			.hasSize(this.jdbc.sql("SELECT count(*) FROM zonegis.project").query(Integer.class).single());
		List<BigDecimal> progress = features.stream()
			.map((f) -> f.path("properties").path("progress").decimalValue())
			.toList();
		assertThat(progress).isSorted();
		for (JsonNode f : features) {
			JsonNode p = f.path("properties");
			assertThat(p.path("progress").decimalValue()).isEqualByComparingTo(p.path("completed_investment_wan")
				.decimalValue()
				.divide(p.path("total_investment_wan").decimalValue(), 4, RoundingMode.HALF_UP));
		}
	}

	@Test
	void theReportsLaggingAndAheadProjectsAreFlagged() {
		List<JsonNode> features = features("?asOf=" + AS_OF);
		// The half-year report: 电子信息产业园 and 广卓新材料 behind, 财金新材料 and 诚弘制药 past their
		// annual target.
		assertThat(named(features, "电子信息产业园").path("properties").path("lagging").booleanValue()).isTrue();
		assertThat(named(features, "广卓新材料").path("properties").path("lagging").booleanValue()).isTrue();
		assertThat(named(features, "财金新材料").path("properties").path("lagging").booleanValue()).isFalse();
		assertThat(named(features, "财金新材料").path("properties").path("exceeded_annual_target").booleanValue()).isTrue();
		assertThat(named(features, "天润工业扩建").path("properties").path("lagging").booleanValue()).isFalse();
	}

	@Test
	void theSummaryAddsUpWhatTheTableHolds() {
		JsonNode summary = as("viewer").get("/api/projects/summary?asOf=" + AS_OF).json();
		Map<String, Object> sql = this.jdbc.sql("""
				SELECT count(*) AS n, sum(total_investment_wan) AS total, sum(completed_investment_wan) AS completed,
					count(*) FILTER (WHERE state <> 'planned') AS started,
					count(*) FILTER (WHERE state = 'under_construction') AS building
				FROM zonegis.project
				""").query().singleRow();
		assertThat(summary.path("count").longValue()).isEqualTo(((Number) sql.get("n")).longValue());
		assertThat(summary.path("totalInvestmentWan").decimalValue())
			.isEqualByComparingTo((BigDecimal) sql.get("total"));
		assertThat(summary.path("completedInvestmentWan").decimalValue())
			.isEqualByComparingTo((BigDecimal) sql.get("completed"));
		assertThat(summary.path("totalInvestmentYi").decimalValue()).isEqualByComparingTo(
				((BigDecimal) sql.get("total")).divide(BigDecimal.valueOf(10000), 2, RoundingMode.HALF_UP));
		assertThat(summary.path("started").longValue()).isEqualTo(((Number) sql.get("started")).longValue());
		assertThat(summary.path("byState").path("under_construction").path("count").longValue())
			.isEqualTo(((Number) sql.get("building")).longValue());
		assertThat(summary.path("lagging").valueStream().map(JsonNode::stringValue)).contains("电子信息产业园");
		assertThat(summary.path("exceededAnnualTarget").valueStream().map(JsonNode::stringValue)).contains("财金新材料",
				"诚弘制药");
	}

	@Test
	void aPlannerCreatesReplacesAndDeletesAProjectWithItsVersion() {
		String name = name();
		Http.Response created = as("planner").post("/api/projects", project(name, POINT, ""));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		assertThat(created.json().path("properties").path("progress").decimalValue()).isEqualByComparingTo("0.25");
		String location = created.header("Location");
		Http.Response replaced = as("planner").put(location,
				project(name, POINT, ",\"completed_investment_wan\":10000")
					.replace("\"completed_investment_wan\":5000,", ""),
				Map.of("If-Match", "\"1\"", "Content-Type", "application/json"));
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
		assertThat(replaced.json().path("properties").path("progress").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(as("planner").delete(location, Map.of("If-Match", "\"1\"")).status()).isEqualTo(412);
		assertThat(as("planner").delete(location, Map.of("If-Match", "\"2\"")).status()).isEqualTo(204);
		assertThat(as("viewer").get(location).status()).isEqualTo(404);
		assertThat(auditEntries("project", location.substring(location.lastIndexOf('/') + 1))).isEqualTo(3);
	}

	@Test
	void aFootprintAloneGivesTheProjectALocationInsideIt() {
		Http.Response created = as("planner").post("/api/projects",
				project(name(),
						"""
								{"type":"Polygon","coordinates":[[[122.06,37.18],[122.062,37.18],[122.062,37.182],[122.06,37.182],[122.06,37.18]]]}
								""",
						""));
		assertThat(created.status()).isEqualTo(201);
		JsonNode point = created.json().path("geometry").path("coordinates");
		assertThat(point.get(0).doubleValue()).isBetween(122.06, 122.062);
		assertThat(point.get(1).doubleValue()).isBetween(37.18, 37.182);
		assertThat(created.json().path("properties").path("footprint").path("type").stringValue())
			.isEqualTo("MultiPolygon");
	}

	@Test
	void aProjectReadIsAcceptedBackWithItsComputedValues() {
		String location = as("planner").post("/api/projects", project(name(), POINT, "")).header("Location");
		JsonNode read = as("viewer").get(location).json();
		assertThat(read.path("properties").has("lagging")).isTrue();
		Http.Response replaced = as("planner").put(location, read.toString(),
				Map.of("If-Match", "\"1\"", "Content-Type", "application/json"));
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
	}

	/**
	 * expected_wan and lagging are judged on the day of the read: a project read before
	 * midnight comes back after it.
	 */
	@Test
	void aProjectReadYesterdayIsAcceptedBackTodayAlsoBesideAChangedInvestment() {
		String location = as("planner").post("/api/projects", project(name(), POINT, "")).header("Location");
		String yesterday = location + "?asOf=" + this.zoneTime.today().minusDays(1);
		ObjectNode read = (ObjectNode) as("viewer").get(yesterday).json();
		// Completed exactly as yesterday expected: lagging yesterday, behind plan today.
		JsonNode expected = read.path("properties").path("expected_wan");
		((ObjectNode) read.path("properties")).set("completed_investment_wan", expected);
		Http.Response changed = as("planner").put(location, read.toString(), ifMatch("\"1\""));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);

		JsonNode readYesterday = as("viewer").get(yesterday).json();
		JsonNode today = as("viewer").get(location).json().path("properties");
		assertThat(readYesterday.path("properties").path("lagging").booleanValue()).isFalse();
		assertThat(today.path("lagging").booleanValue()).isTrue();
		assertThat(today.path("expected_wan").decimalValue()).isGreaterThan(expected.decimalValue());
		Http.Response echoed = as("planner").put(location, readYesterday.toString(), ifMatch("\"2\""));
		assertThat(echoed.status()).as(echoed.body()).isEqualTo(200);
	}

	@Nested
	class Refused {

		void refused(String body, int status, String property) {
			long before = rowCount("project");
			Http.Response response = as("planner").post("/api/projects", body);
			assertProblem(response, status);
			if (property != null) {
				assertThat(response.json().path("property").stringValue()).isEqualTo(property);
			}
			assertThat(rowCount("project")).isEqualTo(before);
		}

		@Test
		void badAttributesNameTheProperty() {
			refused(project(name(), POINT, ",\"level\":\"national\""), 400, "level");
			refused(project(name(), POINT, ",\"completed_investment_wan\":99999"), 400, "completed_investment_wan");
			refused(project(name(), POINT, ",\"parcel_codes\":[\"9999-999\"]"), 400, "parcel_codes");
			refused(project(name(), POINT, ",\"start_date\":\"yesterday\""), 400, "start_date");
			refused(project("", POINT, ""), 400, "name");
		}

		@Test
		void aNameOrCategoryWithBlanksAroundItIsRefusedRatherThanTrimmed() {
			String name = name();
			refused(project(" " + name, POINT, ""), 400, "name");
			refused(project(name + "\\n", POINT, ""), 400, "name");
			refused(project(name, POINT, ",\"category\":\"新材料 \""), 400, "category");
		}

		@Test
		void anInvestmentWithMoreDecimalsOrDigitsThanKeptNamesTheProperty() {
			refused(project(name(), POINT, ",\"total_investment_wan\":1.005"), 400, "total_investment_wan");
			refused(project(name(), POINT, ",\"completed_investment_wan\":0.001"), 400, "completed_investment_wan");
			refused(project(name(), POINT, ",\"total_investment_wan\":1e13"), 400, "total_investment_wan");
			refused(project(name(), POINT, ",\"annual_target_wan\":8000.125"), 400, "annual_target_wan");
		}

		@Test
		void aComputedValueOtherThanTheOneComputedIsUnprocessableNamingIt() {
			refused(project(name(), POINT, ",\"progress\":0.99,\"lagging\":true"), 422, "progress");
			String location = as("planner").post("/api/projects", project(name(), POINT, "")).header("Location");
			ObjectNode read = (ObjectNode) as("viewer").get(location).json();
			ObjectNode properties = (ObjectNode) read.path("properties");
			JsonNode expected = properties.path("expected_wan");
			Map<String, JsonNode> changed = Map.of("progress", JSON.getNodeFactory().numberNode(0.99), "lagging",
					JSON.getNodeFactory().booleanNode(!properties.path("lagging").booleanValue()),
					"exceeded_annual_target",
					JSON.getNodeFactory().booleanNode(!properties.path("exceeded_annual_target").booleanValue()),
					"expected_wan",
					JSON.getNodeFactory().numberNode(expected.isNull() ? 1 : expected.doubleValue() + 1));
			changed.forEach((property, value) -> {
				ObjectNode sent = read.deepCopy();
				((ObjectNode) sent.path("properties")).set(property, value);
				Http.Response response = as("planner").put(location, sent.toString(),
						Map.of("If-Match", "\"1\"", "Content-Type", "application/json"));
				assertProblem(response, 422, "read-only-property");
				assertThat(response.json().path("property").stringValue()).isEqualTo(property);
			});
			assertThat(as("viewer").get(location).json().path("properties").path("version").intValue()).isOne();
		}

		@Test
		void aComputedValueReadBeforeYesterdayIsUnprocessableNamingIt() {
			String location = as("planner").post("/api/projects", project(name(), POINT, "")).header("Location");
			JsonNode read = as("viewer").get(location + "?asOf=" + ProjectTests.this.zoneTime.today().minusDays(2))
				.json();
			Http.Response response = as("planner").put(location, read.toString(), ifMatch("\"1\""));
			assertProblem(response, 422, "read-only-property");
			assertThat(response.json().path("property").stringValue()).isEqualTo("expected_wan");
			assertThat(as("viewer").get(location).header("ETag")).isEqualTo("\"1\"");
		}

		@Test
		void aNameInUseIsAConflictNamingIt() {
			String name = name();
			assertThat(as("planner").post("/api/projects", project(name, POINT, "")).status()).isEqualTo(201);
			refused(project(name, POINT, ""), 409, "name");
		}

		@Test
		void twoDifferentFootprintsAreRefusedAndOneGivenTwiceIsNot() {
			String square = """
					{"type":"Polygon","coordinates":[[[122.06,37.18],[122.062,37.18],[122.062,37.182],[122.06,37.182],[122.06,37.18]]]}""";
			String other = square.replace("122.062", "122.063");
			refused(project(name(), square, ",\"footprint\":" + other), 400, "footprint");
			refused(project(name(), POINT, ",\"footprint\":\"none\""), 422, null);
			assertThat(
					as("planner").post("/api/projects", project(name(), square, ",\"footprint\":" + square)).status())
				.isEqualTo(201);
		}

		@Test
		void aLocationOutsideTheZoneIsRefused() {
			refused(project(name(), "{\"type\":\"Point\",\"coordinates\":[116.39,39.91]}", ""), 422, null);
		}

		@Test
		void badQueriesNameTheParameter() {
			Http.Response sort = as("viewer").get("/api/projects?sort=name;DROP");
			assertBadParameter(sort, "sort");
			assertBadParameter(as("viewer").get("/api/projects/summary?asOf=2026-13-45"), "asOf");
			assertThat(as("viewer").get("/api/projects/abc").status()).isEqualTo(400);
			assertThat(as("viewer").get("/api/projects/" + Long.MAX_VALUE).status()).isEqualTo(404);
		}

		@Test
		void aViewerMayNotEditProjects() {
			assertThat(as("viewer").post("/api/projects", project(name(), POINT, "")).status()).isEqualTo(403);
		}

	}

}
