package cn.zonegis.workorder;

import java.util.List;
import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.Race;
import org.junit.jupiter.api.Test;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps on one work order sent at the same moment: exactly one is taken, and the event
 * log holds exactly that one step, ending at the order's state.
 */
class WorkOrderRaceTests extends WorkOrderTest {

	private static final int CLICKS = 8;

	@Test
	void dispatchersRacingFromOneVersionDispatchTheOrderOnce() {
		long crewId = crew("pipe_dredging", LON, LAT, true);
		long id = reportAt("pipe_dredging").get("id").asLong();
		int version = as("viewer").get("/api/workorders/" + id).json().get("version").asInt();
		Http dispatcher = as("dispatcher");

		List<Http.Response> responses = Race.run(CLICKS,
				(i) -> dispatcher.send("POST", "/api/workorders/" + id + "/dispatch",
						"{\"crewId\":%d,\"note\":\"派单 %d\"}".formatted(crewId, i), ifMatch(version)));

		assertThat(responses).filteredOn((r) -> r.status() == 200).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.status() != 200)
			.hasSize(CLICKS - 1)
			.allSatisfy((r) -> assertProblem(r, 412, "stale-version"));
		assertTheLogEndsAtTheState(id, List.of("new", "dispatched"));
	}

	@Test
	void aCrewTappingStartManyTimesAtOnceStartsTheOrderOnce() {
		long crewId = crew("pipe_dredging", LON, LAT, true);
		String member = crewMember(crewId);
		long id = reportAt("pipe_dredging").get("id").asLong();
		assertThat(dispatch(as("dispatcher"), id, crewId).status()).isEqualTo(200);
		Http crew = as(member);

		List<Http.Response> responses = Race.run(CLICKS, (i) -> step(crew, id, to("in_progress")));

		assertThat(responses).filteredOn((r) -> r.status() == 200).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.status() != 200)
			.hasSize(CLICKS - 1)
			.allSatisfy((r) -> assertProblem(r, 409, "illegal-transition"));
		assertTheLogEndsAtTheState(id, List.of("new", "dispatched", "in_progress"));
	}

	/**
	 * The events, oldest first, are exactly these states, each step starting where the
	 * last ended.
	 */
	private void assertTheLogEndsAtTheState(long id, List<String> states) {
		List<Map<String, Object>> events = this.jdbc.sql("""
				SELECT from_state, to_state FROM zonegis.work_order_event WHERE work_order_id = :id ORDER BY at, id
				""").param("id", id).query().listOfRows();
		assertThat(events).extracting((e) -> e.get("to_state")).containsExactlyElementsOf(states);
		for (int i = 1; i < events.size(); i++) {
			assertThat(events.get(i).get("from_state")).isEqualTo(events.get(i - 1).get("to_state"));
		}
		assertThat(state(id)).isEqualTo(states.get(states.size() - 1));
		assertThat(this.jdbc.sql("SELECT version FROM zonegis.work_order WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(states.size());
	}

}
