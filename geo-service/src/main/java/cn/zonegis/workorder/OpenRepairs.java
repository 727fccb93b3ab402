package cn.zonegis.workorder;

import java.util.Optional;

import cn.zonegis.asset.AssetKind;
import cn.zonegis.asset.AssetStateHolder;

import org.springframework.stereotype.Component;

/**
 * A repair order not yet settled holds the state of the streetlight or cable it repairs:
 * closing it puts the asset back in service (see {@link WorkOrderSteps}).
 */
@Component
class OpenRepairs implements AssetStateHolder {

	private final WorkOrderRepository orders;

	OpenRepairs(WorkOrderRepository orders) {
		this.orders = orders;
	}

	@Override
	public Optional<String> heldBy(AssetKind kind, long id) {
		if (!FaultService.REPAIR.containsKey(kind)) {
			return Optional.empty();
		}
		return this.orders.openOn(kind.table(), id, FaultService.REPAIR.values());
	}

}
