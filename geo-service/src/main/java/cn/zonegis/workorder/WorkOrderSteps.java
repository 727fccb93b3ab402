package cn.zonegis.workorder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zonegis.ApiProblem;
import cn.zonegis.ETag;
import cn.zonegis.asset.AssetKind;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a work order through its lifecycle: dispatch to a crew, start, complete with the
 * quantity of work, verify or reject, close or cancel. Each step is one transaction
 * holding the state change, its event, the photos it attaches and its audit entry; a
 * refused step changes nothing.
 */
@Service
class WorkOrderSteps {

	private static final int MAX_NOTE = 2000;

	/**
	 * No single job in the zone comes near this many metres, m² or pieces: it is a typing
	 * error.
	 */
	private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");

	private final WorkOrderService service;

	private final WorkOrderRepository orders;

	private final CrewRepository crews;

	private final AttachmentRepository attachments;

	private final AssetLookup assets;

	private final WorkOrderInput input;

	private final Actor.Resolver actors;

	private final JsonMapper json;

	private final WorkOrderNews news;

	WorkOrderSteps(WorkOrderService service, WorkOrderRepository orders, CrewRepository crews,
			AttachmentRepository attachments, AssetLookup assets, WorkOrderInput input, Actor.Resolver actors,
			JsonMapper json, WorkOrderNews news) {
		this.news = news;
		this.service = service;
		this.orders = orders;
		this.crews = crews;
		this.attachments = attachments;
		this.assets = assets;
		this.input = input;
		this.actors = actors;
		this.json = json;
	}

	/** Assigns a new order to an active crew. */
	@Transactional
	WorkOrderView dispatch(long id, DispatchRequest request, Integer ifMatch) {
		if (request.crewId() == null) {
			throw ApiProblem.badRequest("missing-field", "workorder.field.missing", "crewId")
				.with("parameter", "crewId");
		}
		CrewRepository.CrewView crew = this.crews.find(request.crewId())
			.orElseThrow(() -> ApiProblem
				.unprocessable("unknown-crew", "workorder.crew.unknown", String.valueOf(request.crewId()))
				.with("parameter", "crewId"));
		if (!crew.active()) {
			throw ApiProblem.conflict("crew-inactive", "workorder.crew.inactive", crew.name());
		}
		return step(id, TransitionRequest.to(WorkOrderLifecycle.DISPATCHED.value(), request.note()), crew.id(),
				ifMatch);
	}

	/** Any step but dispatching, which needs a crew. */
	@Transactional
	WorkOrderView transition(long id, TransitionRequest request, Integer ifMatch) {
		return step(id, request, null, ifMatch);
	}

	private WorkOrderView step(long id, TransitionRequest request, Long crewId, Integer ifMatch) {
		WorkOrderLifecycle target = WorkOrderLifecycle.of(request.to())
			.orElseThrow(() -> ApiProblem
				.badRequest("unknown-state", "workorder.state.unknown", String.valueOf(request.to()))
				.with("parameter", "to"));
		if (target == WorkOrderLifecycle.DISPATCHED && crewId == null) {
			throw ApiProblem.badRequest("dispatch-needs-crew", "workorder.dispatch.crew").with("parameter", "to");
		}
		Actor actor = this.actors.current();
		WorkOrderView order = this.service.visible(id, actor, true);
		ETag.requireCurrent(ifMatch, order.version(), "workorder.version.stale", order.code());
		boolean allowed = target.isCrewStep() ? actor.worksFor(order.crewId()) : actor.dispatches();
		if (!allowed) {
			throw new ApiProblem(HttpStatus.FORBIDDEN, "step-not-yours", "workorder.step.forbidden", order.code(),
					target.value());
		}
		WorkOrderLifecycle from = order.lifecycle();
		if (!from.canMoveTo(target)) {
			throw ApiProblem
				.conflict("illegal-transition", "workorder.transition.illegal", order.code(), from.value(),
						target.value())
				.with("state", from.value())
				.with("allowed", from.next().stream().map(WorkOrderLifecycle::value).toList());
		}
		if (target == WorkOrderLifecycle.CLOSED && order.workKind() == WorkOrderKind.INSPECTION) {
			requireFindingsSettled(order);
		}
		Quantity quantity = quantity(order, target, request);
		List<TransitionRequest.WorkDone> workDone = workDone(target, request);
		String note = this.input.text("note", request.note(), MAX_NOTE, false);
		LonLat at = this.input.optionalPoint(request.location());
		String username = actor.username();
		Long newCrew = (crewId != null) ? crewId : order.crewId();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("from", from.value());
		detail.put("to", target.value());
		detail.put("crewId", newCrew);
		detail.put("quantity", quantity.amount());
		detail.put("quantityUnit", quantity.unit());
		detail.put("workDone", workDone);
		detail.put("note", note);
		WorkOrderRepository.Step step = this.orders
			.step(order, target, newCrew, quantity.amount(), quantity.unit(), note, at, username,
					this.json.writeValueAsString(detail))
			.orElseThrow(() -> {
				int current = this.orders.find(id, false).map(WorkOrderView::version).orElseThrow();
				return ETag.stale(order.version(), current, "workorder.version.stale", order.code());
			});
		WorkOrderView moved = step.order();
		// The report counts the work the accepted completion states, so each completion
		// replaces what an earlier one stated and a rejection discards it.
		if (target == WorkOrderLifecycle.COMPLETED || target == WorkOrderLifecycle.REJECTED) {
			this.orders.replaceWorkDone(id, (workDone != null) ? workDone : List.of());
		}
		attach(id, step.eventId(), request.attachmentIds());
		restoreRepairedAsset(order, target);
		this.news.stepTaken(moved);
		return moved;
	}

	/**
	 * 闭环: an inspection closes only once every finding it raised is verified, closed or
	 * withdrawn.
	 */
	private void requireFindingsSettled(WorkOrderView inspection) {
		List<String> open = this.orders.findings(inspection.id())
			.stream()
			.filter((f) -> !WorkOrderLifecycle.of(f.state()).orElseThrow().settlesFinding())
			.map(WorkOrderView.FindingView::code)
			.toList();
		if (!open.isEmpty()) {
			throw ApiProblem
				.conflict("open-findings", "workorder.inspection.openFindings", inspection.code(),
						String.join(", ", open))
				.with("openFindings", open);
		}
	}

	/**
	 * The quantity a step records: stated on completion in the kind's unit, kept
	 * otherwise.
	 */
	private Quantity quantity(WorkOrderView order, WorkOrderLifecycle target, TransitionRequest request) {
		if (target != WorkOrderLifecycle.COMPLETED) {
			if (request.quantity() != null || request.quantityUnit() != null) {
				throw ApiProblem.badRequest("quantity-not-expected", "workorder.quantity.notExpected", target.value())
					.with("parameter", "quantity");
			}
			return new Quantity(order.quantity(), order.quantityUnit());
		}
		WorkOrderKind kind = order.workKind();
		if (request.quantity() == null) {
			if (kind.needsQuantity()) {
				throw ApiProblem
					.badRequest("quantity-required", "workorder.quantity.required", kind.value(), kind.unit())
					.with("parameter", "quantity")
					.with("unit", kind.unit());
			}
			if (request.quantityUnit() != null) {
				throw ApiProblem.badRequest("quantity-required", "workorder.quantity.missing")
					.with("parameter", "quantity");
			}
			return new Quantity(null, null);
		}
		String unit = (request.quantityUnit() != null) ? request.quantityUnit() : kind.unit();
		if (unit == null || !kind.accepts(unit)) {
			throw ApiProblem
				.badRequest("quantity-unit", "workorder.quantity.unit", kind.value(), String.valueOf(unit),
						(kind.unit() != null) ? kind.unit() : String.join(" / ", WorkOrderKind.UNITS))
				.with("parameter", "quantityUnit");
		}
		BigDecimal amount = request.quantity();
		if (amount.signum() <= 0 || amount.compareTo(MAX_QUANTITY) > 0 || amount.scale() > 2) {
			throw ApiProblem.badRequest("invalid-quantity", "workorder.quantity.invalid", amount.toPlainString())
				.with("parameter", "quantity");
		}
		return new Quantity(amount, unit);
	}

	/**
	 * The work done by kind of the catalogue, stated on completion only: each kind known,
	 * once, with a positive amount.
	 */
	private List<TransitionRequest.WorkDone> workDone(WorkOrderLifecycle target, TransitionRequest request) {
		List<TransitionRequest.WorkDone> workDone = request.workDone();
		if (workDone == null) {
			return null;
		}
		if (target != WorkOrderLifecycle.COMPLETED) {
			throw ApiProblem.badRequest("quantity-not-expected", "workorder.quantity.notExpected", target.value())
				.with("parameter", "workDone");
		}
		Map<String, String> units = this.orders.workKindUnits();
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < workDone.size(); i++) {
			TransitionRequest.WorkDone work = workDone.get(i);
			String where = "workDone[" + i + "]";
			if (work == null || work.workKind() == null || !units.containsKey(work.workKind())) {
				throw ApiProblem
					.badRequest("unknown-work-kind", "workorder.workKind.unknown",
							(work == null) ? "null" : String.valueOf(work.workKind()))
					.with("parameter", where + ".workKind")
					.with("allowed", List.copyOf(units.keySet()));
			}
			if (seen.contains(work.workKind())) {
				throw ApiProblem.badRequest("repeated-work-kind", "workorder.workKind.repeated", work.workKind())
					.with("parameter", where + ".workKind");
			}
			seen.add(work.workKind());
			BigDecimal amount = work.amount();
			if (amount == null || amount.signum() <= 0 || amount.compareTo(MAX_QUANTITY) > 0 || amount.scale() > 2) {
				throw ApiProblem
					.badRequest("invalid-quantity", "workorder.quantity.invalid",
							(amount == null) ? "null" : amount.toPlainString())
					.with("parameter", where + ".amount");
			}
		}
		return workDone;
	}

	private void attach(long orderId, long eventId, List<Long> ids) {
		if (ids == null || ids.isEmpty()) {
			return;
		}
		List<Long> distinct = ids.stream().distinct().toList();
		if (distinct.contains(null) || this.attachments.link(orderId, eventId, distinct) != distinct.size()) {
			throw ApiProblem.unprocessable("unknown-attachment", "workorder.attachment.unknown")
				.with("parameter", "attachmentIds");
		}
	}

	/**
	 * Closing the repair of a faulty streetlight or cable puts the asset back in service.
	 */
	private void restoreRepairedAsset(WorkOrderView order, WorkOrderLifecycle target) {
		boolean repair = FaultService.REPAIR.containsValue(order.workKind()) && order.assetType() != null
				&& FaultService.REPAIR.containsKey(AssetKind.of(order.assetType()));
		if (target == WorkOrderLifecycle.CLOSED && repair) {
			this.assets.setState(order.assetType(), order.assetId(), "normal",
					"work order " + order.code() + " closed");
		}
	}

	private record Quantity(BigDecimal amount, String unit) {
	}

}
