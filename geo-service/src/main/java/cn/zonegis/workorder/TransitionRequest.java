package cn.zonegis.workorder;

import java.math.BigDecimal;
import java.util.List;

/**
 * One step in a work order's lifecycle, recorded as an event.
 *
 * @param to the target state's value
 * @param note what was done or why
 * @param location where the step was taken (the crew's position), or null
 * @param quantity on completion, how much work was done, in quantityUnit
 * @param quantityUnit the kind's unit; defaults to it when absent
 * @param attachmentIds photos uploaded for this order to attach to the event
 * @param workDone on completion, the work done by kind of the work kind catalogue
 * (/api/work-kinds), which the half-year report adds up
 */
record TransitionRequest(String to, String note, LonLat location, BigDecimal quantity, String quantityUnit,
		List<Long> attachmentIds, List<WorkDone> workDone) {

	static TransitionRequest to(String state, String note) {
		return new TransitionRequest(state, note, null, null, null, null, null);
	}

	/** An amount of one kind of work, in the kind's unit. */
	record WorkDone(String workKind, BigDecimal amount) {
	}

}
