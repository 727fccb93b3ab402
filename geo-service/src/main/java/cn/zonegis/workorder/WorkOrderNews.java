package cn.zonegis.workorder;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.zonegis.events.Audience;
import cn.zonegis.events.ChangeEvents;
import cn.zonegis.security.Role;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the web map hears of work orders: every step reaches the order's crew, so a newly
 * dispatched order shows on their phones at once; completions and rejections, which the
 * office acts on next, and orders that become overdue reach the dispatchers too.
 */
@Component
class WorkOrderNews {

	/** The steps after which the dispatcher acts: verify or reject, redispatch. */
	private static final Set<WorkOrderLifecycle> FOR_DISPATCHERS = EnumSet.of(WorkOrderLifecycle.COMPLETED,
			WorkOrderLifecycle.REJECTED);

	private final WorkOrderRepository orders;

	private final ChangeEvents changes;

	WorkOrderNews(WorkOrderRepository orders, ChangeEvents changes) {
		this.orders = orders;
		this.changes = changes;
	}

	/** In the transaction of the step. */
	void stepTaken(WorkOrderView order) {
		Audience audience = FOR_DISPATCHERS.contains(order.lifecycle()) ? Audience.of(Role.DISPATCHER) : Audience.of();
		announce("work_order.changed", order, audience.andCrew(order.crewId()));
	}

	/**
	 * Announces each order that has passed its due time (see
	 * {@link WorkOrderCollections#OVERDUE}) once, to the dispatchers and its crew.
	 */
	@Scheduled(fixedDelayString = "${zonegis.workorder.overdue-check:PT1M}")
	@Transactional
	void announceOverdue() {
		for (long id : this.orders.noticeOverdue()) {
			WorkOrderView order = this.orders.find(id, false).orElseThrow();
			announce("work_order.overdue", order, Audience.of(Role.DISPATCHER).andCrew(order.crewId()));
		}
	}

	private void announce(String type, WorkOrderView order, Audience audience) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("code", order.code());
		data.put("kind", order.kind());
		data.put("state", order.state());
		data.put("version", order.version());
		data.put("crewId", order.crewId());
		data.put("crewName", order.crewName());
		data.put("lon", order.location().lon());
		data.put("lat", order.location().lat());
		this.changes.publish(type, order.id(), data, audience);
	}

}
