package cn.zonegis.workorder;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which crews should take an order. */
@Service
class CrewService {

	private final CrewRepository crews;

	private final WorkOrderService orders;

	private final Actor.Resolver actors;

	CrewService(CrewRepository crews, WorkOrderService orders, Actor.Resolver actors) {
		this.crews = crews;
		this.orders = orders;
		this.actors = actors;
	}

	/**
	 * Active crews ranked for the order: skill, then straight-line distance and open
	 * workload.
	 */
	@Transactional(readOnly = true)
	Suggestions suggest(long orderId) {
		WorkOrderView order = this.orders.visible(orderId, this.actors.current(), false);
		return new Suggestions(order.id(), order.kind(), Suggestions.STRAIGHT_LINE,
				CrewSuggestion.METRES_PER_OPEN_ORDER,
				CrewSuggestion.rank(this.crews.candidates(orderId, order.kind())));
	}

	/**
	 * @param distanceKind how distanceM is measured: straight_line, the geodesic from the
	 * crew's base, not a route along the roads
	 * @param metresPerOpenOrder the distance one open order of a crew weighs in its cost
	 */
	record Suggestions(long workOrderId, String kind, String distanceKind, double metresPerOpenOrder,
			List<CrewSuggestion.Ranked> crews) {

		static final String STRAIGHT_LINE = "straight_line";

	}

}
