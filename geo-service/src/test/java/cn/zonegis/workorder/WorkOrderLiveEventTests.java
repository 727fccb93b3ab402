package cn.zonegis.workorder;

import cn.zonegis.EventStreamClient;
import cn.zonegis.EventStreamClient.Event;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crew's phones and the dispatch board hear of work orders through GET /api/events: a
 * crew member of the orders of their crew only, a dispatcher of completions and of orders
 * that become overdue, once.
 */
class WorkOrderLiveEventTests extends WorkOrderTest {

	@Autowired
	private WorkOrderNews news;

	@Test
	void aCrewMemberHearsOfAnOrderDispatchedToTheirCrewAndNeverOfAnotherCrews() {
		long crewA = crew("streetlight_repair", LON, LAT, true);
		long crewB = crew("streetlight_repair", LON, LAT, true);
		String memberA = crewMember(crewA);
		String memberB = crewMember(crewB);
		long forB = reportAt("streetlight_repair").get("id").asLong();
		long forA = reportAt("streetlight_repair").get("id").asLong();
		try (EventStreamClient phoneA = EventStreamClient.open(this.port, memberA, null);
				EventStreamClient phoneB = EventStreamClient.open(this.port, memberB, null)) {
			assertThat(dispatch(as("dispatcher"), forB, crewB).status()).isEqualTo(200);
			assertThat(dispatch(as("dispatcher"), forA, crewA).status()).isEqualTo(200);

			Event dispatched = phoneA.await(Event.about("work_order.changed", forA));
			assertThat(dispatched.data().get("state").asString()).isEqualTo("dispatched");
			assertThat(dispatched.data().get("crewId").asLong()).isEqualTo(crewA);
			assertThat(dispatched.json().get("actor").asString()).isEqualTo("dispatcher");
			phoneB.await(Event.about("work_order.changed", forB));
			// Events arrive in commit order: B's order was dispatched first, so had it
			// been
			// sent to A it would be in A's list by now.
			assertThat(phoneA.received()).extracting(Event::subjectId).containsOnly(forA);
			assertThat(phoneB.received()).extracting(Event::subjectId).containsOnly(forB);
		}
	}

	@Test
	void aPhoneThatWasAwayHearsWhatItMissedAndANewStreamOnlyWhatFollows() {
		long crewId = crew("streetlight_repair", LON, LAT, true);
		String member = crewMember(crewId);
		long first = reportAt("streetlight_repair").get("id").asLong();
		long whileAway = reportAt("streetlight_repair").get("id").asLong();
		long afterwards = reportAt("streetlight_repair").get("id").asLong();
		long lastHeard;
		try (EventStreamClient phone = EventStreamClient.open(this.port, member, null)) {
			assertThat(dispatch(as("dispatcher"), first, crewId).status()).isEqualTo(200);
			lastHeard = phone.await(Event.about("work_order.changed", first)).id();
		}
		assertThat(dispatch(as("dispatcher"), whileAway, crewId).status()).isEqualTo(200);

		try (EventStreamClient back = EventStreamClient.open(this.port, member, lastHeard);
				EventStreamClient fresh = EventStreamClient.open(this.port, member, null)) {
			back.await(Event.about("work_order.changed", whileAway));
			assertThat(dispatch(as("dispatcher"), afterwards, crewId).status()).isEqualTo(200);
			back.await(Event.about("work_order.changed", afterwards));
			fresh.await(Event.about("work_order.changed", afterwards));
			assertThat(fresh.received()).extracting(Event::subjectId).containsOnly(afterwards);
			assertThat(back.received()).extracting(Event::subjectId).containsExactly(whileAway, afterwards);
		}
	}

	@Test
	void aDispatcherHearsACompletionWithItsNewStateAndVersion() {
		long crewId = crew("streetlight_repair", LON, LAT, true);
		String member = crewMember(crewId);
		long id = inProgress("streetlight_repair", crewId, member);
		try (EventStreamClient board = EventStreamClient.open(this.port, "dispatcher", null)) {
			assertThat(step(as(member), id, "{\"to\":\"completed\",\"quantity\":2}").status()).isEqualTo(200);

			Event completed = board.await(Event.about("work_order.changed", id));
			assertThat(completed.data().get("state").asString()).isEqualTo("completed");
			assertThat(completed.data().get("version").asInt()).isEqualTo(4);
			assertThat(completed.json().get("actor").asString()).isEqualTo(member);
		}
	}

	@Test
	void anOrderThatBecomesOverdueIsAnnouncedOnce() {
		long crewId = crew("streetlight_repair", LON, LAT, true);
		long first = reportAt("streetlight_repair").get("id").asLong();
		long second = reportAt("streetlight_repair").get("id").asLong();
		assertThat(dispatch(as("dispatcher"), first, crewId).status()).isEqualTo(200);
		try (EventStreamClient board = EventStreamClient.open(this.port, "dispatcher", null)) {
			pastDue(first);
			this.news.announceOverdue();
			Event overdue = board.await(Event.about("work_order.overdue", first));
			assertThat(overdue.data().get("crewId").asLong()).isEqualTo(crewId);

			this.news.announceOverdue();
			pastDue(second);
			this.news.announceOverdue();
			board.await(Event.about("work_order.overdue", second));
			assertThat(board.received()).filteredOn(Event.about("work_order.overdue", first)).hasSize(1);
		}
	}

	private void pastDue(long id) {
		this.jdbc.sql("UPDATE zonegis.work_order SET due_at = now() - interval '1 hour' WHERE id = :id")
			.param("id", id)
			.update();
	}

}
