package cn.zonegis.land;

import java.util.ArrayList;
import java.util.List;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.JsonMembers.memberWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** /api/parcels/stats: the office's overview of land by lifecycle state. */
class ParcelStatusStatsTests extends IntegrationTest {

	@AfterEach
	void leaveTheDemoZoneAsItWas() {
		TestGround.clean(this.jdbc);
	}

	private JsonNode stats() {
		Http.Response response = as("viewer").get("/api/parcels/stats");
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode state(JsonNode stats, String status) {
		return memberWith(stats, "status", status);
	}

	@Test
	void listsEveryStateInLifecycleOrder() {
		List<String> states = new ArrayList<>();
		stats().forEach((entry) -> states.add(entry.get("status").asString()));
		assertThat(states).containsExactly("planned", "red_line_issued", "filed", "listed", "transferred", "recovered",
				"cancelled");
	}

	@Test
	void countsADrawnParcelAndItsAreaUnderItsStateAndMovesItWithAStep() {
		JsonNode before = stats();
		double[] c = TestGround.cell();
		Http.Response drawn = as("planner").post("/api/parcels",
				TestGround.feature(TestGround.code("stats"), TestGround.rectangle(c[0], c[1], 0.001, 0.001)));
		assertThat(drawn.status()).isEqualTo(201);
		double areaMu = drawn.json().get("properties").get("area_mu").asDouble();

		JsonNode planned = state(stats(), "planned");
		assertThat(planned.get("parcels").asLong()).isEqualTo(state(before, "planned").get("parcels").asLong() + 1);
		assertThat(planned.get("areaMu").asDouble())
			.isCloseTo(state(before, "planned").get("areaMu").asDouble() + areaMu, within(0.01));

		Http.Response moved = as("planner").post("/api/parcels/" + drawn.json().get("id").asLong() + "/transitions",
				"{\"to\":\"red_line_issued\",\"note\":null}");
		assertThat(moved.status()).isEqualTo(200);
		JsonNode after = stats();
		assertThat(state(after, "planned").get("parcels").asLong())
			.isEqualTo(state(before, "planned").get("parcels").asLong());
		assertThat(state(after, "red_line_issued").get("parcels").asLong())
			.isEqualTo(state(before, "red_line_issued").get("parcels").asLong() + 1);
	}

}
