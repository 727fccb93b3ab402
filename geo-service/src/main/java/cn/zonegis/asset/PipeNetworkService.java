package cn.zonegis.asset;

import java.util.HashMap;
import java.util.Map;

import cn.zonegis.ApiProblem;
import cn.zonegis.land.EnterpriseRef;
import cn.zonegis.land.LandLayerService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Follows the pipe network with the flow and checks that it hangs together. */
@Service
public class PipeNetworkService {

	/**
	 * How far a pipe end may lie from its well and still end on it, in metres: wells are
	 * surveyed to the decimetre, pipes are digitised to their centres.
	 */
	static final double END_TOLERANCE_M = 1.0;

	private final PipeNetworkRepository network;

	private final LandLayerService land;

	private final JsonMapper json;

	PipeNetworkService(PipeNetworkRepository network, LandLayerService land, JsonMapper json) {
		this.network = network;
		this.land = land;
		this.json = json;
	}

	/**
	 * The pipes and wells reached from a pipe along (down) or against (up) the flow,
	 * their total length in metres, and the enterprises whose dedicated pipes (一企一管) are
	 * in the traced part or discharge into one of its wells: who is affected if this pipe
	 * is blocked.
	 * @return the trace as JSON: pipes and wells as GeoJSON FeatureCollections,
	 * totalLengthM, enterprises
	 */
	@Transactional(readOnly = true)
	public String trace(long pipeId, TraceDirection direction) {
		String traced = this.network.trace(pipeId, direction)
			.orElseThrow(() -> ApiProblem.notFound("asset.unknown", AssetKind.PIPE.collectionId(), pipeId));
		ObjectNode trace = (ObjectNode) this.json.readTree(traced);
		Map<Long, JsonNode> pipesByEnterprise = new HashMap<>();
		trace.remove("feeders").forEach((f) -> pipesByEnterprise.put(f.get("enterpriseId").asLong(), f.get("pipes")));
		ArrayNode enterprises = trace.putArray("enterprises");
		for (EnterpriseRef enterprise : this.land.enterprises(pipesByEnterprise.keySet())) {
			ObjectNode entry = enterprises.addObject();
			entry.put("id", enterprise.id());
			entry.put("name", enterprise.name());
			entry.set("pipes", pipesByEnterprise.get(enterprise.id()));
			entry.put("lon", enterprise.lon());
			entry.put("lat", enterprise.lat());
		}
		return this.json.writeValueAsString(trace);
	}

	/**
	 * Pipe ends missing a well (none linked, or linked to a well farther than the
	 * tolerance), wells that no pipe reaches, and cycles against the flow (water that
	 * would run back to where it came from), as JSON.
	 */
	@Transactional(readOnly = true)
	public String consistency() {
		return """
				{"toleranceM":%s,"pipeEndsWithoutWell":%s,"wellsWithoutPipe":%s,"cycles":%s}""".formatted(
				END_TOLERANCE_M, this.network.endsWithoutWell(END_TOLERANCE_M), this.network.wellsWithoutPipe(),
				this.network.cycles());
	}

}
