package cn.zonegis.workorder;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A work order as the API shows it; events and findings only when one order is read.
 *
 * @param inspectionKind of an inspection: what was inspected (safety, environmental…)
 * @param reinspectionOf of a re-inspection: the inspection it follows up
 * @param rectifiedOnSpot of a finding: put right while the inspector was there
 * @param overdue past its due time and not yet completed
 * @param findings for an inspection, the rectification orders it raised
 */
record WorkOrderView(long id, String code, String kind, String priority, String state, String description,
		String assetType, Long assetId, Long enterpriseId, Long inspectionId, String inspectionKind,
		Long reinspectionOf, boolean rectifiedOnSpot, Long crewId, String crewName, String reportedBy,
		OffsetDateTime dueAt, boolean overdue, BigDecimal quantity, String quantityUnit, LonLat location, int version,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, List<EventView> events, List<FindingView> findings) {

	WorkOrderView withTimeline(List<EventView> timeline, List<FindingView> raised) {
		return new WorkOrderView(this.id, this.code, this.kind, this.priority, this.state, this.description,
				this.assetType, this.assetId, this.enterpriseId, this.inspectionId, this.inspectionKind,
				this.reinspectionOf, this.rectifiedOnSpot, this.crewId, this.crewName, this.reportedBy, this.dueAt,
				this.overdue, this.quantity, this.quantityUnit, this.location, this.version, this.createdAt,
				this.updatedAt, timeline, raised);
	}

	WorkOrderLifecycle lifecycle() {
		return WorkOrderLifecycle.of(this.state).orElseThrow();
	}

	WorkOrderKind workKind() {
		return WorkOrderKind.of(this.kind).orElseThrow();
	}

	/** One step of the timeline: who took it, when, where, with what note and photos. */
	record EventView(long id, OffsetDateTime at, String by, String fromState, String toState, String note,
			LonLat location, List<AttachmentView> attachments) {
	}

	/** A stored photo; url fetches it. */
	record AttachmentView(long id, Long eventId, String filename, String contentType, int sizeBytes, String url) {
	}

	/** A rectification order raised by an inspection. */
	record FindingView(long id, String code, String kind, String state) {
	}

}
