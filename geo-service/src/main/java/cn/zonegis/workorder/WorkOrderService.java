package cn.zonegis.workorder;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.zonegis.ApiProblem;
import cn.zonegis.asset.AssetRef;
import cn.zonegis.security.AuditLog;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports work orders, reads them with their timeline, and raises an inspection's
 * findings. The steps of the lifecycle are {@link WorkOrderSteps}'.
 */
@Service
class WorkOrderService {

	private static final int MAX_TEXT = 2000;

	/** What an enterprise inspection looks at (安全生产、环保、消防、扬尘、取暖炉灶、危废). */
	static final List<String> INSPECTION_KINDS = List.of("safety", "environmental", "fire", "dust", "heating_stove",
			"hazardous_waste");

	private final WorkOrderRepository orders;

	private final AttachmentRepository attachments;

	private final SlaProperties sla;

	private final WorkOrderInput input;

	private final Actor.Resolver actors;

	private final JsonMapper json;

	WorkOrderService(WorkOrderRepository orders, AttachmentRepository attachments, SlaProperties sla,
			WorkOrderInput input, Actor.Resolver actors, JsonMapper json) {
		this.orders = orders;
		this.attachments = attachments;
		this.sla = sla;
		this.input = input;
		this.actors = actors;
		this.json = json;
	}

	@Transactional
	WorkOrderView report(CreateWorkOrderRequest request) {
		return create(request, null);
	}

	/**
	 * Raises a finding of an inspection under way: a rectification order of the inspected
	 * enterprise, linked to the inspection, which cannot close until the finding is
	 * verified.
	 */
	@Transactional
	WorkOrderView raiseFinding(long inspectionId, CreateWorkOrderRequest request) {
		Actor actor = this.actors.current();
		WorkOrderView inspection = visible(inspectionId, actor, true);
		if (!WorkOrderKind.INSPECTION.value().equals(inspection.kind())) {
			throw ApiProblem.conflict("not-an-inspection", "workorder.finding.notInspection", inspection.code());
		}
		if (!(inspection.lifecycle() == WorkOrderLifecycle.IN_PROGRESS
				|| inspection.lifecycle() == WorkOrderLifecycle.COMPLETED)) {
			throw ApiProblem.conflict("inspection-not-under-way", "workorder.finding.notUnderWay", inspection.code(),
					inspection.state());
		}
		if (actor.crewScoped() && !actor.worksFor(inspection.crewId())) {
			throw ApiProblem.notFound("workorder.unknown", String.valueOf(inspectionId));
		}
		return create(request, inspection);
	}

	@Transactional(readOnly = true)
	WorkOrderView get(long id) {
		WorkOrderView order = visible(id, this.actors.current(), false);
		List<WorkOrderView.AttachmentView> photos = this.attachments.ofOrder(id);
		List<WorkOrderView.FindingView> findings = WorkOrderKind.INSPECTION.value().equals(order.kind())
				? this.orders.findings(id) : null;
		return order.withTimeline(this.orders.events(id, photos), findings);
	}

	/**
	 * The order if the actor may see it; a crew member never learns of other crews'
	 * orders (404).
	 */
	WorkOrderView visible(long id, Actor actor, boolean lock) {
		return this.orders.find(id, lock)
			.filter((o) -> actor.sees(o.crewId(), o.reportedBy()))
			.orElseThrow(() -> ApiProblem.notFound("workorder.unknown", String.valueOf(id)));
	}

	private WorkOrderView create(CreateWorkOrderRequest request, WorkOrderView inspection) {
		WorkOrderKind kind = WorkOrderKind.of(request.kind())
			.orElseThrow(() -> ApiProblem.badRequest("unknown-kind", "workorder.kind.unknown", request.kind())
				.with("parameter", "kind")
				.with("allowed", Arrays.stream(WorkOrderKind.values()).map(WorkOrderKind::value).toList()));
		if (inspection == null && kind != WorkOrderKind.INSPECTION && this.actors.current().inspectsOnly()) {
			throw new ApiProblem(HttpStatus.FORBIDDEN, "inspections-only", "workorder.safety.inspectionsOnly",
					kind.value())
				.with("parameter", "kind");
		}
		WorkOrderPriority priority = (request.priority() == null) ? WorkOrderPriority.DEFAULT
				: WorkOrderPriority.of(request.priority())
					.orElseThrow(() -> ApiProblem
						.badRequest("unknown-priority", "workorder.priority.unknown", request.priority())
						.with("parameter", "priority"));
		String description = this.input.text("description", request.description(), MAX_TEXT, true);
		AssetRef asset = this.input.asset(request.assetType(), request.assetId());
		Long enterpriseId = (inspection != null) ? inspection.enterpriseId() : request.enterpriseId();
		LonLat enterprisePoint = this.input.enterprise(enterpriseId);
		if (kind == WorkOrderKind.INSPECTION && enterpriseId == null) {
			throw ApiProblem.badRequest("inspection-needs-enterprise", "workorder.inspection.enterprise")
				.with("parameter", "enterpriseId");
		}
		Inspection inspecting = inspection(kind, enterpriseId, inspection, request);
		LonLat at = this.input.location(request.location(),
				(asset != null) ? new LonLat(asset.lon(), asset.lat()) : enterprisePoint);
		WorkOrderRepository.NewWorkOrder order = new WorkOrderRepository.NewWorkOrder(kind, priority, description,
				(asset != null) ? asset.kind().table() : null, (asset != null) ? asset.id() : null, enterpriseId,
				(inspection != null) ? inspection.id() : null, inspecting.kind(), inspecting.reinspectionOf(),
				inspecting.rectifiedOnSpot(), at.lon(), at.lat());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("kind", kind.value());
		detail.put("priority", priority.value());
		detail.put("assetType", order.assetType());
		detail.put("assetId", order.assetId());
		detail.put("inspectionId", order.inspectionId());
		detail.put("inspectionKind", order.inspectionKind());
		detail.put("reinspectionOf", order.reinspectionOf());
		detail.put("rectifiedOnSpot", order.rectifiedOnSpot());
		WorkOrderView created = this.orders.insert(order, this.sla.allowed(kind, priority), AuditLog.currentUsername(),
				(inspection != null) ? "raise_finding" : "report", this.json.writeValueAsString(detail));
		return created;
	}

	/**
	 * The inspection facts of a new order: an inspection's kind and the inspection it
	 * re-inspects, a finding's on-the-spot rectification; each refused on any other
	 * order.
	 */
	private Inspection inspection(WorkOrderKind kind, Long enterpriseId, WorkOrderView raisedBy,
			CreateWorkOrderRequest request) {
		boolean isInspection = kind == WorkOrderKind.INSPECTION;
		if (!isInspection && (request.inspectionKind() != null || request.reinspectionOf() != null)) {
			throw ApiProblem.badRequest("inspection-only", "workorder.inspection.only")
				.with("parameter", (request.inspectionKind() != null) ? "inspectionKind" : "reinspectionOf");
		}
		if (raisedBy == null && request.rectifiedOnSpot() != null) {
			throw ApiProblem.badRequest("finding-only", "workorder.finding.onSpotOnly")
				.with("parameter", "rectifiedOnSpot");
		}
		if (request.inspectionKind() != null && !INSPECTION_KINDS.contains(request.inspectionKind())) {
			throw ApiProblem
				.badRequest("unknown-inspection-kind", "workorder.inspection.kind", request.inspectionKind(),
						String.join(", ", INSPECTION_KINDS))
				.with("parameter", "inspectionKind")
				.with("allowed", INSPECTION_KINDS);
		}
		if (request.reinspectionOf() != null) {
			boolean followsUp = this.orders.find(request.reinspectionOf(), false)
				.filter((first) -> first.workKind() == WorkOrderKind.INSPECTION
						&& Objects.equals(first.enterpriseId(), enterpriseId))
				.isPresent();
			if (!followsUp) {
				throw ApiProblem
					.unprocessable("unknown-inspection", "workorder.reinspection.unknown",
							String.valueOf(request.reinspectionOf()))
					.with("parameter", "reinspectionOf");
			}
		}
		return new Inspection(request.inspectionKind(), request.reinspectionOf(),
				Boolean.TRUE.equals(request.rectifiedOnSpot()));
	}

	private record Inspection(String kind, Long reinspectionOf, boolean rectifiedOnSpot) {
	}

}
