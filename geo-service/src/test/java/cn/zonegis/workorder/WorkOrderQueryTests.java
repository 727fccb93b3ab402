package cn.zonegis.workorder;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import cn.zonegis.Http;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists by box, state, kind, crew, overdue and period; counts; orders near a named road.
 */
class WorkOrderQueryTests extends WorkOrderTest {

	static List<Long> ids(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		response.json().get("features").forEach((f) -> ids.add(f.get("id").asLong()));
		return ids;
	}

	void makeOverdue(long id) {
		this.jdbc.sql("UPDATE zonegis.work_order SET due_at = now() - interval '1 hour' WHERE id = :id")
			.param("id", id)
			.update();
	}

	@Test
	void theListIsGeoJsonWithOverdueOnEveryItem() {
		long id = reportAt("other").get("id").asLong();
		Http.Response response = as("viewer").get("/api/workorders?kind=other");
		assertThat(response.contentType()).startsWith("application/geo+json");
		JsonNode feature = null;
		for (JsonNode f : response.json().get("features")) {
			assertThat(f.get("properties").has("overdue")).isTrue();
			feature = (f.get("id").asLong() == id) ? f : feature;
		}
		assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(LON);
		assertThat(feature.get("properties").get("overdue").asBoolean()).isFalse();
	}

	@Test
	void anOrderPastItsDueTimeIsOverdueUntilItIsCompleted() {
		long crewId = crew("road_repair", LON, LAT, true);
		String member = crewMember(crewId);
		long late = inProgress("road_repair", crewId, member);
		long onTime = reportAt("road_repair").get("id").asLong();
		makeOverdue(late);
		assertThat(ids(as("viewer").get("/api/workorders?overdue=true"))).contains(late).doesNotContain(onTime);
		assertThat(as("viewer").get("/api/workorders/" + late).json().get("overdue").asBoolean()).isTrue();

		step(as(member), late, "{\"to\":\"completed\",\"quantity\":4}");
		assertThat(ids(as("viewer").get("/api/workorders?overdue=true"))).doesNotContain(late);
	}

	@Test
	void ordersAreFilteredByBoxStateKindCrewAndPeriod() {
		long crewId = crew("greening", LON, LAT, true);
		long inBox = report(atPoint("greening", "low", 122.001, 37.101)).get("id").asLong();
		long outOfBox = report(atPoint("greening", "low", 122.15, 37.30)).get("id").asLong();
		dispatch(as("dispatcher"), inBox, crewId);

		assertThat(ids(as("viewer").get("/api/workorders?bbox=122.0,37.1,122.002,37.102"))).contains(inBox)
			.doesNotContain(outOfBox);
		assertThat(ids(as("viewer").get("/api/workorders?state=dispatched,in_progress&kind=greening"))).contains(inBox)
			.doesNotContain(outOfBox);
		assertThat(ids(as("viewer").get("/api/workorders?crewId=" + crewId))).containsExactly(inBox);
		assertThat(ids(as("viewer").get("/api/workorders?kind=greening&from=2000-01-01&to=2000-12-31"))).isEmpty();
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		assertThat(ids(as("viewer").get("/api/workorders?kind=greening&from=" + today + "&to=" + today)))
			.contains(inBox, outOfBox);
	}

	/**
	 * 01:30 on 2 March in the zone is still 1 March in UTC: a bare date is the zone's day
	 * through /api and /ogc alike.
	 */
	@Test
	void aDateIsTheZonesDayThroughBothApis() {
		long early = reportAt("pipe_dredging").get("id").asLong();
		this.jdbc.sql(
				"UPDATE zonegis.work_order SET created_at = '2026-03-01T17:30:00Z', updated_at = '2026-03-01T17:30:00Z'"
						+ " WHERE id = :id")
			.param("id", early)
			.update();
		String ogc = "/ogc/collections/work_orders/items?kind=pipe_dredging&limit=1000&datetime=";
		String api = "/api/workorders?kind=pipe_dredging&from=%1$s&to=%1$s";
		assertThat(ids(as("viewer").get(api.formatted("2026-03-02")))).contains(early);
		assertThat(ids(as("viewer").get(ogc + "2026-03-02"))).contains(early);
		assertThat(ids(as("viewer").get(api.formatted("2026-03-01")))).doesNotContain(early);
		assertThat(ids(as("viewer").get(ogc + "2026-03-01"))).doesNotContain(early);
		assertThat(ids(as("viewer").get(ogc + "2026-03-02/2026-03-02"))).contains(early);
		String cql = "/ogc/collections/work_orders/items?kind=pipe_dredging&limit=1000&filter=";
		assertThat(ids(as("viewer").get(cql + "T_INTERSECTS(created_at,DATE('2026-03-02'))"))).contains(early);
		assertThat(ids(as("viewer").get(cql + "T_INTERSECTS(created_at,DATE('2026-03-01'))"))).doesNotContain(early);
	}

	@Test
	void statsCountByStateAndKind() {
		JsonNode before = as("viewer").get("/api/workorders/stats").json();
		long id = reportAt("well_cover").get("id").asLong();
		makeOverdue(id);
		JsonNode after = as("viewer").get("/api/workorders/stats").json();
		assertThat(after.get("total").asLong()).isEqualTo(before.get("total").asLong() + 1);
		assertThat(after.get("byState").get("new").asLong()).isEqualTo(before.get("byState").get("new").asLong() + 1);
		assertThat(after.get("byKind").get("well_cover").asLong())
			.isEqualTo(before.get("byKind").get("well_cover").asLong() + 1);
		assertThat(after.get("overdue").asLong()).isEqualTo(before.get("overdue").asLong() + 1);
		assertThat(after.get("byState").size()).isEqualTo(8);
	}

	static double dredgedMetres(JsonNode stats) {
		for (JsonNode row : stats.get("workDone")) {
			if ("pipe_dredging".equals(row.get("kind").asString()) && "m".equals(row.get("unit").asString())) {
				return row.get("quantity").asDouble();
			}
		}
		return 0;
	}

	@Test
	void statsSumTheWorkDoneAndFollowTheInspections() {
		JsonNode before = as("viewer").get("/api/workorders/stats").json();
		long crewId = crew("pipe_dredging,inspection", LON, LAT, true);
		String member = crewMember(crewId);
		long dredging = inProgress("pipe_dredging", crewId, member);
		step(as(member), dredging, "{\"to\":\"completed\",\"quantity\":42.5}");
		long enterpriseId = this.jdbc.sql("SELECT max(id) FROM zonegis.enterprise").query(Long.class).single();
		long inspection = report("{\"kind\":\"inspection\",\"description\":\"%s\",\"enterpriseId\":%d}"
			.formatted(unique("inspection"), enterpriseId)).get("id").asLong();
		dispatch(as("dispatcher"), inspection, crewId);
		step(as(member), inspection, to("in_progress"));
		as(member).post("/api/workorders/" + inspection + "/findings",
				"{\"kind\":\"other\",\"description\":\"%s\"}".formatted(unique("finding")));

		JsonNode after = as("viewer").get("/api/workorders/stats").json();
		assertThat(dredgedMetres(after)).isEqualTo(dredgedMetres(before) + 42.5);
		JsonNode was = before.get("inspections");
		JsonNode is = after.get("inspections");
		assertThat(is.get("inspections").asLong()).isEqualTo(was.get("inspections").asLong() + 1);
		assertThat(is.get("findings").asLong()).isEqualTo(was.get("findings").asLong() + 1);
		assertThat(is.get("rectified").asLong()).isEqualTo(was.get("rectified").asLong());
	}

	@Test
	void ordersNearANamedRoadAreMeasuredInMetres() {
		JsonNode onRoad = this.jdbc
			.sql("""
					SELECT ST_X(p) AS lon, ST_Y(p) AS lat,
						ST_X(ST_Transform(ST_Translate(ST_Transform(p, 4550), 0, 200), 4490)) AS far_lon,
						ST_Y(ST_Transform(ST_Translate(ST_Transform(p, 4550), 0, 200), 4490)) AS far_lat
					FROM (SELECT ST_LineInterpolatePoint(ST_LineMerge(geom), 0.5) AS p FROM zonegis.road WHERE name = '湛江路' LIMIT 1) r
					""")
			.query((rs, i) -> JsonNodeFactory.instance.objectNode()
				.put("lon", rs.getDouble("lon"))
				.put("lat", rs.getDouble("lat"))
				.put("farLon", rs.getDouble("far_lon"))
				.put("farLat", rs.getDouble("far_lat")))
			.single();
		long near = report(atPoint("road_repair", "normal", onRoad.get("lon").asDouble(), onRoad.get("lat").asDouble()))
			.get("id")
			.asLong();
		long far = report(
				atPoint("road_repair", "normal", onRoad.get("farLon").asDouble(), onRoad.get("farLat").asDouble()))
			.get("id")
			.asLong();

		Http.Response response = as("viewer").get("/api/workorders/near-road?name=湛江路&distance=50");
		assertThat(ids(response)).contains(near).doesNotContain(far);
		for (JsonNode f : response.json().get("features")) {
			assertThat(f.get("properties").get("distanceM").asDouble()).isBetween(0.0, 50.0);
		}
	}

	@Nested
	class Refused {

		@Test
		void anUnknownStateOrKindIsABadRequestNamingIt() {
			Http.Response response = as("viewer").get("/api/workorders?state=new,done");
			assertProblem(response, 400, "invalid-parameter");
			assertThat(response.json().get("parameter").asString()).isEqualTo("state");
			assertProblem(as("viewer").get("/api/workorders?kind='%20OR%201=1--"), 400, "invalid-parameter");
		}

		@Test
		void aBoxOffTheGlobeIsABadRequest() {
			assertProblem(as("viewer").get("/api/workorders?bbox=0,0,200,95"), 400, "invalid-bbox");
		}

		@Test
		void aDateThatIsNotADateIsABadRequest() {
			assertProblem(as("viewer").get("/api/workorders?from=yesterday"), 400, "invalid-parameter");
		}

		@Test
		void anUnknownRoadIsNotFoundAndADistanceOutOfRangeABadRequest() {
			assertProblem(as("viewer").get("/api/workorders/near-road?name=不存在路&distance=50"), 404, "not-found");
			assertProblem(as("viewer").get("/api/workorders/near-road?name=湛江路&distance=-1"), 400, "invalid-parameter");
			assertProblem(as("viewer").get("/api/workorders/near-road?name=湛江路&distance=NaN"), 400,
					"invalid-parameter");
		}

		@Test
		void aLimitOutOfRangeIsABadRequest() {
			assertProblem(as("viewer").get("/api/workorders?limit=0"), 400, "invalid-parameter");
		}

		@Test
		void anonymousReadsAreRefused() {
			assertThat(anonymous().get("/api/workorders").status()).isEqualTo(401);
		}

	}

}
