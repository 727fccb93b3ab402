package cn.zonegis.workorder;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The maintenance figures of the office's overview: a month's orders, the crews'
 * workload.
 */
@RestController
class WorkOrderOverviewController {

	private final WorkOrderOverviewService overview;

	WorkOrderOverviewController(WorkOrderOverviewService overview) {
		this.overview = overview;
	}

	@GetMapping("/api/workorders/stats/month")
	WorkOrderMonth month(@RequestParam(required = false) String month) {
		return this.overview.month(month);
	}

	@GetMapping("/api/crews/workload")
	List<CrewWorkload> workload() {
		return this.overview.workload();
	}

}
