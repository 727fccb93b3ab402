package cn.zonegis.workorder;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/work-kinds: the catalogue of municipal work a completed order states its work in.
 */
@RestController
class WorkKindController {

	private final WorkKindService kinds;

	WorkKindController(WorkKindService kinds) {
		this.kinds = kinds;
	}

	@GetMapping("/api/work-kinds")
	List<WorkKind> workKinds() {
		return this.kinds.catalogue();
	}

}
