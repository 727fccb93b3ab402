package cn.zonegis.workorder;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The crews suggested for an order; the crews themselves are the crews layer, /api/crews.
 */
@RestController
class CrewController {

	private final CrewService crews;

	CrewController(CrewService crews) {
		this.crews = crews;
	}

	@GetMapping("/api/workorders/{id:\\d+}/suggestions")
	CrewService.Suggestions suggestions(@PathVariable long id) {
		return this.crews.suggest(id);
	}

}
