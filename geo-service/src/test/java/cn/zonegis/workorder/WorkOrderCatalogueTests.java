package cn.zonegis.workorder;

import java.util.List;

import cn.zonegis.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue the web map builds its work order forms from offers what the service
 * accepts: its steps, who takes them, kinds and units, priorities, and asset types.
 */
class WorkOrderCatalogueTests extends WorkOrderTest {

	private JsonNode catalogue() {
		Http.Response response = as("crew").get("/api/workorders/catalogue");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private JsonNode state(String code) {
		return catalogue().get("states")
			.valueStream()
			.filter((s) -> s.get("code").asString().equals(code))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	@Test
	void theStepsOfferedFromAStateAreTheOnesTheServiceAllows() {
		long id = reportAt("road_repair").get("id").asLong();
		List<String> offered = strings(state("new").get("next"));
		assertThat(offered).containsExactly("dispatched", "cancelled");
		Http.Response refused = step(as("dispatcher"), id, to("completed"));
		assertProblem(refused, 409, "illegal-transition");
		assertThat(strings(refused.json().get("allowed"))).containsExactlyInAnyOrderElementsOf(offered);
		assertThat(state("closed").get("next")).isEmpty();
	}

	@Test
	void onlyStartingAndCompletingAreTheCrewsSteps() {
		List<String> crewSteps = catalogue().get("states")
			.valueStream()
			.filter((s) -> s.get("crewStep").asBoolean())
			.map((s) -> s.get("code").asString())
			.toList();
		assertThat(crewSteps).containsExactly("in_progress", "completed");
	}

	@Test
	void kindsCarryTheUnitTheirQuantityIsCountedIn() {
		JsonNode catalogue = catalogue();
		JsonNode kinds = catalogue.get("kinds");
		assertThat(kinds.get(0).get("code").asString()).isEqualTo("road_repair");
		assertThat(kinds.get(0).get("unit").asString()).isEqualTo("m2");
		JsonNode other = kinds.valueStream().filter((k) -> k.get("code").asString().equals("other")).findFirst().get();
		assertThat(other.has("unit")).isFalse();
		assertThat(strings(catalogue.get("units"))).containsExactly("m", "m2", "座", "盏");
		assertThat(strings(catalogue.get("priorities"))).containsExactly("urgent", "high", "normal", "low");
	}

	@Test
	void anOrderReportedWithoutPriorityTakesTheDefaultPriority() {
		JsonNode order = report("""
				{"kind":"greening","description":"%s","location":{"lon":%s,"lat":%s}}
				""".formatted(unique("order"), LON, LAT));
		assertThat(order.get("priority").asString()).isEqualTo(catalogue().get("defaultPriority").asString());
	}

	@Test
	void aFaultIsReportedThroughTheCollectionTheCatalogueNames() {
		JsonNode light = catalogue().get("assetTypes")
			.valueStream()
			.filter((a) -> a.get("code").asString().equals("streetlight"))
			.findFirst()
			.orElseThrow();
		assertThat(light.get("collection").asString()).isEqualTo("streetlights");
		long id = streetlight("normal");
		Http.Response fault = as("dispatcher")
			.post("/api/assets/" + light.get("collection").asString() + "/" + id + "/fault", "{}");
		assertThat(fault.status()).as(fault.body()).isEqualTo(200);
		assertThat(fault.json().get("draft").get("kind").asString()).isEqualTo(light.get("faultRepair").asString());
		assertThat(fault.json().get("draft").get("assetType").asString()).isEqualTo("streetlight");
		JsonNode road = catalogue().get("assetTypes").get(0);
		assertThat(road.get("code").asString()).isEqualTo("road");
		assertThat(road.get("collection").asString()).isEqualTo("roads");
		assertThat(road.has("faultRepair")).isFalse();
	}

}
