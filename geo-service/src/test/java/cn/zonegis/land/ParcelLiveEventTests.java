package cn.zonegis.land;

import java.util.List;

import cn.zonegis.EventStreamClient;
import cn.zonegis.EventStreamClient.Event;
import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A planner's map hears of parcels another planner changes, through GET /api/events, and
 * after a dropped connection gets exactly what it missed.
 */
class ParcelLiveEventTests extends IntegrationTest {

	private static final String OTHER_PLANNER = "test-live-planner";

	@BeforeEach
	void secondPlanner() {
		addUser(OTHER_PLANNER, "第二规划员", Role.PLANNER, null);
	}

	@AfterEach
	void leaveTheDemoZoneAsItWas() {
		TestGround.clean(this.jdbc);
	}

	private long newParcel() {
		return TestGround.drawParcel(as("planner"), "live");
	}

	private void move(long id, String to) {
		Http.Response response = as("planner").post("/api/parcels/" + id + "/transitions",
				"{\"to\":\"" + to + "\",\"note\":\"live test\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void aPlannerHearsTheNewStateVersionAndWhoOfAParcelAnotherPlannerMoved() {
		long id = newParcel();
		try (EventStreamClient other = EventStreamClient.open(this.port, OTHER_PLANNER, null);
				EventStreamClient own = EventStreamClient.open(this.port, "planner", null)) {
			move(id, "red_line_issued");

			Event heard = other.await(Event.about("parcel.changed", id));
			assertThat(heard.data().get("status").asString()).isEqualTo("red_line_issued");
			assertThat(heard.data().get("version").asInt()).isEqualTo(2);
			assertThat(heard.json().get("actor").asString()).isEqualTo("planner");
			assertThat(heard.data().get("code").asString()).startsWith(TestGround.PREFIX);

			// The planner who moved it already shows it: their stream stays quiet. A
			// later
			// change by someone else shows that it would have arrived by now.
			Http.Response byOther = new Http(this.port, OTHER_PLANNER, OTHER_PLANNER + "2026")
				.post("/api/parcels/" + id + "/transitions", "{\"to\":\"filed\"}");
			assertThat(byOther.status()).as(byOther.body()).isEqualTo(200);
			own.await(Event.about("parcel.changed", id));
			assertThat(own.received()).extracting((e) -> e.data().get("status").asString()).containsExactly("filed");
		}
	}

	@Test
	void aReconnectingMapGetsExactlyTheEventsItMissed() {
		long id = newParcel();
		long lastSeen;
		try (EventStreamClient before = EventStreamClient.open(this.port, OTHER_PLANNER, null)) {
			move(id, "red_line_issued");
			lastSeen = before.await(Event.about("parcel.changed", id)).id();
		}
		move(id, "filed");
		move(id, "listed");
		try (EventStreamClient after = EventStreamClient.open(this.port, OTHER_PLANNER, lastSeen)) {
			move(id, "transferred");
			after.await((e) -> e.subjectId() == id && e.data().get("status").asString().equals("transferred"));
			List<Event> ours = after.received().stream().filter((e) -> e.subjectId() == id).toList();
			assertThat(ours).extracting((e) -> e.data().get("status").asString())
				.containsExactly("filed", "listed", "transferred");
			assertThat(ours).extracting((e) -> e.data().get("version").asInt()).containsExactly(3, 4, 5);
			assertThat(ours).extracting(Event::id).isSorted().allMatch((eventId) -> eventId > lastSeen);
		}
	}

	@Test
	void aLastEventIdFromBeyondTheNewestEventResumesFromTheNewest() {
		long id = newParcel();
		try (EventStreamClient restored = EventStreamClient.open(this.port, OTHER_PLANNER, Long.MAX_VALUE / 2)) {
			move(id, "red_line_issued");
			restored.await(Event.about("parcel.changed", id));
		}
	}

	@Test
	void anAdministratorHearsParcelChangesAViewerDoesNot() {
		long id = newParcel();
		try (EventStreamClient viewer = EventStreamClient.open(this.port, "viewer", null);
				EventStreamClient admin = EventStreamClient.open(this.port, "admin", null)) {
			move(id, "red_line_issued");
			admin.await(Event.about("parcel.changed", id));
			assertThat(viewer.received()).noneMatch(Event.about("parcel.changed", id));
		}
	}

}
