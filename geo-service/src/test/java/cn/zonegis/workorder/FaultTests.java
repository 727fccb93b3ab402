package cn.zonegis.workorder;

import java.util.Map;

import cn.zonegis.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streetlight reported faulty offers its repair; closing the repair puts the light back
 * in service.
 */
class FaultTests extends WorkOrderTest {

	@Test
	void reportingAFaultMarksTheLightAndOffersADraftRepair() {
		long light = streetlight("normal");
		Http.Response response = as("dispatcher").post("/api/assets/streetlights/" + light + "/fault",
				"{\"note\":\"灯不亮\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode draft = response.json().get("draft");
		assertThat(draft.get("kind").asString()).isEqualTo("streetlight_repair");
		assertThat(draft.get("assetType").asString()).isEqualTo("streetlight");
		assertThat(draft.get("assetId").asLong()).isEqualTo(light);
		assertThat(response.json().has("workOrder")).isFalse();
		assertThat(streetlightState(light)).isEqualTo("faulty");
	}

	@Test
	void closingTheRepairRestoresTheLight() {
		long light = streetlight("normal");
		long crewId = crew("streetlight_repair", LON, LAT, true);
		String member = crewMember(crewId);
		Http.Response fault = as(member).post("/api/assets/streetlights/" + light + "/fault",
				"{\"note\":\"%s\",\"createOrder\":true}".formatted(unique("灯不亮")));
		assertThat(fault.status()).as(fault.body()).isEqualTo(201);
		long id = fault.json().get("workOrder").get("id").asLong();
		assertThat(fault.json().get("workOrder").get("priority").asString()).isEqualTo("high");

		dispatch(as("dispatcher"), id, crewId);
		step(as(member), id, to("in_progress"));
		step(as(member), id, "{\"to\":\"completed\",\"quantity\":1}");
		step(as("dispatcher"), id, to("verified"));
		assertThat(streetlightState(light)).isEqualTo("faulty");
		assertThat(step(as("dispatcher"), id, to("closed")).status()).isEqualTo(200);
		assertThat(streetlightState(light)).isEqualTo("normal");
	}

	/**
	 * 闭环: the repair order restores the light when it closes, so a planner editing the
	 * layer (QGIS sends every attribute back) may not set the state by hand meanwhile.
	 */
	@Test
	void theOpenRepairKeepsTheLightsStateUntilItCloses() {
		long light = streetlight("normal");
		long crewId = crew("streetlight_repair", LON, LAT, true);
		String member = crewMember(crewId);
		Http.Response fault = as("dispatcher").post("/api/assets/streetlights/" + light + "/fault",
				"{\"note\":\"%s\",\"createOrder\":true}".formatted(unique("灯不亮")));
		assertThat(fault.status()).as(fault.body()).isEqualTo(201);
		long id = fault.json().get("workOrder").get("id").asLong();
		String code = fault.json().get("workOrder").get("code").asString();
		String item = "/ogc/collections/streetlights/items/" + light;
		Map<String, String> mergePatch = Map.of("Content-Type", "application/merge-patch+json");

		int version = as("viewer").get(item).json().get("properties").get("version").asInt();
		Map<String, Map<String, String>> routes = Map.of(item, mergePatch, "/api/streetlights/" + light,
				ifMatch(version));
		for (Map.Entry<String, Map<String, String>> route : routes.entrySet()) {
			Http.Response restored = as("planner").send("PATCH", route.getKey(),
					"{\"properties\":{\"state\":\"normal\"}}", route.getValue());
			assertProblem(restored, 409, "state-held-by-work-order");
			assertThat(restored.json().get("property").asString()).isEqualTo("state");
			assertThat(restored.json().get("workOrder").asString()).isEqualTo(code);
			assertThat(restored.json().get("detail").asString()).contains(code);
		}
		assertThat(streetlightState(light)).isEqualTo("faulty");
		Http.Response echoed = as("planner").send("PATCH", item,
				"{\"properties\":{\"state\":\"faulty\",\"power_w\":60}}", mergePatch);
		assertThat(echoed.status()).as(echoed.body()).isEqualTo(204);
		assertThat(as("viewer").get(item).json().get("properties").get("power_w").asInt()).isEqualTo(60);

		dispatch(as("dispatcher"), id, crewId);
		step(as(member), id, to("in_progress"));
		step(as(member), id, "{\"to\":\"completed\",\"quantity\":1}");
		step(as("dispatcher"), id, to("verified"));
		assertThat(step(as("dispatcher"), id, to("closed")).status()).isEqualTo(200);
		assertThat(streetlightState(light)).isEqualTo("normal");
		Http.Response switchedOff = as("planner").send("PATCH", item, "{\"properties\":{\"state\":\"off\"}}",
				mergePatch);
		assertThat(switchedOff.status()).as(switchedOff.body()).isEqualTo(204);
		assertThat(streetlightState(light)).isEqualTo("off");
	}

	@Test
	void anUnknownLightIsNotFoundAndOtherAssetsHaveNoFaultEndpoint() {
		assertProblem(as("dispatcher").post("/api/assets/streetlights/987654321/fault", "{}"), 404, "not-found");
		// A planner may write roads, yet roads have no fault endpoint; a dispatcher may
		// not write roads at all.
		assertThat(as("planner").post("/api/assets/roads/1/fault", "{}").status()).isIn(404, 405);
		assertThat(as("dispatcher").post("/api/assets/roads/1/fault", "{}").status()).isEqualTo(403);
	}

	@Test
	void aRefusedRepairLeavesTheLightAsItWas() {
		long light = streetlight("normal");
		Http.Response response = as("dispatcher").post("/api/assets/streetlights/" + light + "/fault",
				"{\"priority\":\"whenever\",\"createOrder\":true}");
		assertProblem(response, 400, "unknown-priority");
		assertThat(streetlightState(light)).isEqualTo("normal");
	}

	@Test
	void aViewerMayNotReportAFault() {
		long light = streetlight("normal");
		assertThat(as("viewer").post("/api/assets/streetlights/" + light + "/fault", "{}").status()).isEqualTo(403);
		assertThat(streetlightState(light)).isEqualTo("normal");
	}

}
