package cn.zonegis.workorder;

import java.util.Map;

import cn.zonegis.ApiProblem;
import cn.zonegis.asset.AssetKind;
import cn.zonegis.asset.AssetRef;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A streetlight or cable reported faulty: the asset is marked faulty and a repair order
 * on it is offered, as a draft to fill in or created at once. Closing that order puts the
 * asset back to normal (see {@link WorkOrderSteps}).
 */
@Service
class FaultService {

	/** The repair each kind of asset a fault can be reported on needs. */
	static final Map<AssetKind, WorkOrderKind> REPAIR = Map.of(AssetKind.STREETLIGHT, WorkOrderKind.STREETLIGHT_REPAIR,
			AssetKind.CABLE, WorkOrderKind.CABLE_REPAIR);

	private final AssetLookup assets;

	private final WorkOrderService orders;

	private final WorkOrderInput input;

	FaultService(AssetLookup assets, WorkOrderService orders, WorkOrderInput input) {
		this.assets = assets;
		this.orders = orders;
		this.input = input;
	}

	@Transactional
	FaultReport report(AssetKind assetKind, long assetId, FaultRequest request) {
		WorkOrderKind kind = REPAIR.get(assetKind);
		String assetType = assetKind.table();
		AssetRef asset = this.assets.find(assetType, assetId)
			.orElseThrow(() -> ApiProblem.notFound("workorder.asset.unknown", assetType, String.valueOf(assetId)));
		String note = this.input.text("note", request.note(), 500, false);
		String reason = "fault reported" + ((note == null) ? "" : ": " + note);
		this.assets.setState(assetType, assetId, "faulty", reason);
		String description = (note == null) ? asset.label() : asset.label() + " " + note;
		CreateWorkOrderRequest draft = new CreateWorkOrderRequest(kind.value(),
				(request.priority() == null) ? WorkOrderPriority.HIGH.value() : request.priority(), description,
				new LonLat(asset.lon(), asset.lat()), assetType, assetId, null, null, null, null);
		WorkOrderView created = Boolean.TRUE.equals(request.createOrder()) ? this.orders.report(draft) : null;
		return new FaultReport(assetType, assetId, asset.label(), "faulty", draft, created);
	}

	/**
	 * @param note what is wrong ("灯不亮", "接头烧坏")
	 * @param priority the repair's priority, high when absent
	 * @param createOrder create the repair order now instead of returning a draft
	 */
	record FaultRequest(String note, String priority, Boolean createOrder) {
	}

	/**
	 * @param draft the repair order to create with POST /api/workorders
	 * @param workOrder the repair order, when it was created
	 */
	record FaultReport(String assetType, long assetId, String label, String state, CreateWorkOrderRequest draft,
			WorkOrderView workOrder) {
	}

}
