package cn.zonegis.workorder;

import java.util.Arrays;
import java.util.List;

import cn.zonegis.asset.AssetKind;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/workorders/catalogue: the states and steps, kinds and units, priorities and asset
 * types of work orders, as this service's enums define them, so the web map offers only
 * what the service accepts. Labels stay with the client's translations, keyed by code.
 */
@RestController
class WorkOrderCatalogueController {

	private static final Catalogue CATALOGUE = new Catalogue(
			Arrays.stream(WorkOrderLifecycle.values())
				.map((s) -> new State(s.value(), WorkOrderLifecycle.valuesOf(s.next()), s.isCrewStep()))
				.toList(),
			Arrays.stream(WorkOrderKind.values()).map((k) -> new Kind(k.value(), k.unit())).toList(),
			WorkOrderKind.UNITS, Arrays.stream(WorkOrderPriority.values()).map(WorkOrderPriority::value).toList(),
			WorkOrderPriority.DEFAULT.value(),
			Arrays.stream(AssetKind.values())
				.map((a) -> new AssetType(a.table(), a.collectionId(),
						FaultService.REPAIR.containsKey(a) ? FaultService.REPAIR.get(a).value() : null))
				.toList());

	@GetMapping("/api/workorders/catalogue")
	Catalogue catalogue() {
		return CATALOGUE;
	}

	/**
	 * @param defaultPriority the priority of an order reported without one
	 * @param assetTypes what an order may be raised on
	 */
	record Catalogue(List<State> states, List<Kind> kinds, List<String> units, List<String> priorities,
			String defaultPriority, List<AssetType> assetTypes) {
	}

	/**
	 * @param next the states one step away
	 * @param crewStep whether the crew takes the step into this state, on its own orders;
	 * every other step is the dispatcher's
	 */
	record State(String code, List<String> next, boolean crewStep) {
	}

	/**
	 * @param unit the unit its quantity is counted in; absent when any unit fits
	 */
	record Kind(String code, String unit) {
	}

	/**
	 * @param code the work order's asset_type
	 * @param collection the asset's collection id in /api/assets and /ogc
	 * @param faultRepair the repair ordered when a fault is reported on it; absent when
	 * no fault can be
	 */
	record AssetType(String code, String collection, String faultRepair) {
	}

}
