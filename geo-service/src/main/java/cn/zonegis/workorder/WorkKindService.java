package cn.zonegis.workorder;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue of municipal work, for /api/work-kinds and the half-year report. */
@Service
public class WorkKindService {

	private final WorkOrderRepository orders;

	WorkKindService(WorkOrderRepository orders) {
		this.orders = orders;
	}

	/** Every kind of work, in the report's order. */
	@Transactional(readOnly = true)
	public List<WorkKind> catalogue() {
		return this.orders.workKinds();
	}

}
