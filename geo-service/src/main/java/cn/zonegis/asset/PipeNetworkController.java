package cn.zonegis.asset;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The pipe network: trace with or against the flow, and its consistency check. */
@RestController
class PipeNetworkController {

	private final PipeNetworkService network;

	PipeNetworkController(PipeNetworkService network) {
		this.network = network;
	}

	@GetMapping("/api/pipes/{id}/trace")
	ResponseEntity<String> trace(@PathVariable long id, @RequestParam(defaultValue = "down") String direction) {
		return json(this.network.trace(id, TraceDirection.of(direction)));
	}

	@GetMapping("/api/pipes/consistency")
	ResponseEntity<String> consistency() {
		return json(this.network.consistency());
	}

	private static ResponseEntity<String> json(String body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
