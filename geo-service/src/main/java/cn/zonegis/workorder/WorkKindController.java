package cn.zonegis.workorder;

import java.util.List;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/work-kinds: the catalogue of municipal work a completed order states its work in.
 */
@RestController
class WorkKindController {

	private final WorkOrderRepository orders;

	WorkKindController(WorkOrderRepository orders) {
		this.orders = orders;
	}

	@GetMapping("/api/work-kinds")
	@Transactional(readOnly = true)
	List<WorkOrderRepository.WorkKind> workKinds() {
		return this.orders.workKinds();
	}

}
