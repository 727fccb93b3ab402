package cn.zonegis.workorder;

import java.time.OffsetDateTime;

import cn.zonegis.Http;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.JsonMembers.memberWith;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintenance figures of the office's overview: a month of orders on the zone's
 * calendar (Asia/Shanghai), the SLA kept per kind, and each crew's open orders.
 */
class WorkOrderOverviewTests extends WorkOrderTest {

	/**
	 * Reports an order of that kind and sets when it was reported, when it is due, its
	 * state and, if given, when the crew reported it completed.
	 */
	private long order(String kind, String createdAt, String dueAt, String state, String completedAt) {
		long id = reportAt(kind).get("id").asLong();
		this.jdbc
			.sql("UPDATE zonegis.work_order SET created_at = :created, due_at = :due, state = :state WHERE id = :id")
			.param("created", OffsetDateTime.parse(createdAt))
			.param("due", OffsetDateTime.parse(dueAt))
			.param("state", state)
			.param("id", id)
			.update();
		if (completedAt != null) {
			this.jdbc.sql("""
					INSERT INTO zonegis.work_order_event (work_order_id, at, by_user, from_state, to_state)
					VALUES (:id, :at, 'test', 'in_progress', 'completed')
					""").param("id", id).param("at", OffsetDateTime.parse(completedAt)).update();
		}
		return id;
	}

	private JsonNode month(String month) {
		Http.Response response = as("dispatcher").get("/api/workorders/stats/month?month=" + month);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode kind(JsonNode month, String kind) {
		return memberWith(month.get("byKind"), "kind", kind);
	}

	@Test
	void aMonthRunsFromItsFirstToItsLastDayOnTheZonesClock() {
		// 2019-03-01 00:00 in Shanghai is 2019-02-28 16:00 UTC; 2019-04-01 00:00 is
		// 2019-03-31 16:00 UTC.
		order("road_repair", "2019-02-28T16:00:00Z", "2019-04-10T00:00:00Z", "new", null);
		order("road_repair", "2019-02-28T15:59:59Z", "2019-02-28T15:59:59Z", "cancelled", null);
		order("road_repair", "2019-03-31T15:59:59Z", "2019-04-10T00:00:00Z", "new", null);
		order("road_repair", "2019-03-31T16:00:00Z", "2019-04-10T00:00:00Z", "new", null);

		JsonNode march = month("2019-03");
		assertThat(march.get("from").asString()).isEqualTo("2019-03-01T00:00:00+08:00");
		assertThat(march.get("to").asString()).isEqualTo("2019-04-01T00:00:00+08:00");
		assertThat(march.get("opened").asLong()).isEqualTo(2);
		assertThat(kind(march, "road_repair").get("opened").asLong()).isEqualTo(2);
		assertThat(month("2019-02").get("opened").asLong()).isEqualTo(1);
		assertThat(month("2019-04").get("opened").asLong()).isEqualTo(1);
	}

	@Test
	void theSlaIsKeptByOrdersCompletedByTheirDueTimeAndMissedByTheOthers() {
		// Completed before it was due: kept.
		order("road_repair", "2019-03-01T02:00:00Z", "2019-03-05T00:00:00Z", "closed", "2019-03-04T00:00:00Z");
		// Completed a day late, reported in February: missed, and closed in March.
		order("road_repair", "2019-02-27T02:00:00Z", "2019-03-02T00:00:00Z", "completed", "2019-03-03T00:00:00Z");
		// Sent back after completion: not closed, and still open past its due time.
		order("road_repair", "2019-03-06T02:00:00Z", "2019-03-08T00:00:00Z", "rejected", "2019-03-07T00:00:00Z");
		// Due on the first instant of April in Shanghai: April's.
		order("road_repair", "2019-03-20T02:00:00Z", "2019-03-31T16:00:00Z", "new", null);
		// Still in progress past its due time.
		order("greening", "2019-03-10T02:00:00Z", "2019-03-15T00:00:00Z", "in_progress", null);
		// Cancelled: opened, but no longer measured.
		order("greening", "2019-03-10T02:00:00Z", "2019-03-20T00:00:00Z", "cancelled", null);

		JsonNode march = month("2019-03");
		assertThat(march.get("opened").asLong()).isEqualTo(5);
		assertThat(march.get("closed").asLong()).isEqualTo(2);
		assertThat(march.get("overdue").asLong()).isEqualTo(3);
		JsonNode roads = kind(march, "road_repair");
		assertThat(roads.get("opened").asLong()).isEqualTo(3);
		assertThat(roads.get("closed").asLong()).isEqualTo(2);
		assertThat(roads.get("due").asLong()).isEqualTo(3);
		assertThat(roads.get("metSla").asLong()).isEqualTo(1);
		assertThat(roads.get("overdue").asLong()).isEqualTo(2);
		assertThat(roads.get("slaCompliance").decimalValue()).isEqualByComparingTo("0.3333");
		JsonNode greening = kind(march, "greening");
		assertThat(greening.get("opened").asLong()).isEqualTo(2);
		assertThat(greening.get("due").asLong()).isEqualTo(1);
		assertThat(greening.get("slaCompliance").decimalValue()).isEqualByComparingTo("0");
		assertThat(kind(march, "pipe_dredging").hasNonNull("slaCompliance")).isFalse();
		assertThat(kind(month("2019-04"), "road_repair").get("due").asLong()).isEqualTo(1);
	}

	@Test
	void theListOfAKindsOrdersDueInAMonthIsTheOneItsSlaIsMeasuredOn() {
		long kept = order("well_repair", "2019-03-01T02:00:00Z", "2019-03-05T00:00:00Z", "closed",
				"2019-03-04T00:00:00Z");
		order("well_repair", "2019-03-01T02:00:00Z", "2019-03-31T16:00:00Z", "new", null);
		JsonNode listed = as("dispatcher").get("/api/workorders?kind=well_repair&dueFrom=2019-03-01&dueTo=2019-03-31")
			.json();
		assertThat(listed.get("features")).hasSize(1);
		assertThat(listed.get("features").get(0).get("id").asLong()).isEqualTo(kept);
		assertThat(kind(month("2019-03"), "well_repair").get("due").asLong()).isEqualTo(1);
	}

	@Test
	void withoutAMonthTheZonesCurrentMonthIsCounted() {
		order("other", OffsetDateTime.now().toString(), OffsetDateTime.now().plusDays(3).toString(), "new", null);
		JsonNode current = as("planner").get("/api/workorders/stats/month").json();
		String zoneMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		assertThat(current.get("month").asString()).isEqualTo(zoneMonth);
		assertThat(kind(current, "other").get("opened").asLong()).isPositive();
	}

	@Test
	void aCrewsWorkloadIsItsDispatchedAndInProgressOrders() {
		long crew = crew("road_repair", LON, LAT, true);
		String now = OffsetDateTime.now().toString();
		String tomorrow = OffsetDateTime.now().plusDays(1).toString();
		String yesterday = OffsetDateTime.now().minusDays(1).toString();
		for (String[] order : new String[][] { { "dispatched", tomorrow }, { "dispatched", yesterday },
				{ "in_progress", tomorrow }, { "completed", yesterday }, { "new", yesterday } }) {
			long id = order("road_repair", now, order[1], order[0], null);
			this.jdbc.sql("UPDATE zonegis.work_order SET crew_id = :crew WHERE id = :id")
				.param("crew", crew)
				.param("id", id)
				.update();
		}
		long idle = crew("greening", LON, LAT, true);
		long retired = crew("greening", LON, LAT, false);

		Http.Response response = as("dispatcher").get("/api/crews/workload");
		assertThat(response.status()).isEqualTo(200);
		JsonNode ours = null;
		JsonNode idleCrew = null;
		for (JsonNode entry : response.json()) {
			assertThat(entry.get("crewId").asLong()).isNotEqualTo(retired);
			ours = (entry.get("crewId").asLong() == crew) ? entry : ours;
			idleCrew = (entry.get("crewId").asLong() == idle) ? entry : idleCrew;
		}
		assertThat(ours.get("open").asLong()).isEqualTo(3);
		assertThat(ours.get("overdue").asLong()).isEqualTo(1);
		assertThat(ours.get("byState").get("dispatched").asLong()).isEqualTo(2);
		assertThat(ours.get("byState").get("in_progress").asLong()).isEqualTo(1);
		assertThat(idleCrew.get("open").asLong()).isZero();
		assertThat(idleCrew.get("byState").get("dispatched").asLong()).isZero();
	}

	@Nested
	class Refused {

		@Test
		void crewsAndViewersSeeNoOverviewFigures() {
			for (String user : new String[] { "crew", "viewer" }) {
				for (String path : new String[] { "/api/workorders/stats/month", "/api/crews/workload" }) {
					assertProblem(as(user).get(path), 403, "forbidden");
				}
			}
		}

		@Test
		void aMonthThatIsNotAYearAndMonthIsABadRequest() {
			for (String month : new String[] { "2019-13", "March", "2019-03-01", "1;DROP" }) {
				Http.Response response = as("dispatcher").get("/api/workorders/stats/month?month=" + month);
				assertProblem(response, 400, "invalid-parameter");
				assertThat(response.json().get("parameter").asString()).isEqualTo("month");
				assertThat(response.json().get("detail").asString()).contains(month);
			}
		}

	}

}
