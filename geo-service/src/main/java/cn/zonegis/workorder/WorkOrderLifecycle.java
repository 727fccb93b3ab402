package cn.zonegis.workorder;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The states of a work order and the steps between them (闭环管理): new → dispatched →
 * in_progress → completed → verified → closed; a failed verification rejects the work
 * back to the crew, and an order that has not been completed may be cancelled.
 */
public enum WorkOrderLifecycle {

	NEW, DISPATCHED, IN_PROGRESS, COMPLETED, REJECTED, VERIFIED, CLOSED, CANCELLED;

	/** The states in which the order no longer runs against its SLA. */
	private static final Set<WorkOrderLifecycle> SETTLED = EnumSet.of(COMPLETED, VERIFIED, CLOSED, CANCELLED);

	/** Work done and not sent back: the orders whose quantities of work count. */
	private static final Set<WorkOrderLifecycle> DONE = EnumSet.of(COMPLETED, VERIFIED, CLOSED);

	/** Work the office has checked and accepted: a finding rectified. */
	private static final Set<WorkOrderLifecycle> ACCEPTED = EnumSet.of(VERIFIED, CLOSED);

	/** The states the crew holds the work in: its open workload. */
	private static final Set<WorkOrderLifecycle> WITH_CREW = EnumSet.of(DISPATCHED, IN_PROGRESS);

	/**
	 * The steps the crew takes on its own orders; every other step is the dispatcher's.
	 */
	private static final Set<WorkOrderLifecycle> CREW_STEPS = EnumSet.of(IN_PROGRESS, COMPLETED);

	public Set<WorkOrderLifecycle> next() {
		return switch (this) {
			case NEW -> EnumSet.of(DISPATCHED, CANCELLED);
			case DISPATCHED -> EnumSet.of(IN_PROGRESS, CANCELLED);
			case IN_PROGRESS -> EnumSet.of(COMPLETED, CANCELLED);
			case COMPLETED -> EnumSet.of(VERIFIED, REJECTED);
			case REJECTED -> EnumSet.of(IN_PROGRESS);
			case VERIFIED -> EnumSet.of(CLOSED);
			case CLOSED, CANCELLED -> EnumSet.noneOf(WorkOrderLifecycle.class);
		};
	}

	public boolean canMoveTo(WorkOrderLifecycle target) {
		return next().contains(target);
	}

	/**
	 * Whether a crew member may take the step into this state on their own crew's order.
	 */
	public boolean isCrewStep() {
		return CREW_STEPS.contains(this);
	}

	/**
	 * Whether a finding in this state no longer holds its inspection open: its work
	 * accepted, or the finding withdrawn.
	 */
	public boolean settlesFinding() {
		return ACCEPTED.contains(this) || this == CANCELLED;
	}

	public static Set<WorkOrderLifecycle> done() {
		return EnumSet.copyOf(DONE);
	}

	public static Set<WorkOrderLifecycle> accepted() {
		return EnumSet.copyOf(ACCEPTED);
	}

	public static Set<WorkOrderLifecycle> withCrew() {
		return EnumSet.copyOf(WITH_CREW);
	}

	public static Set<WorkOrderLifecycle> settled() {
		return EnumSet.copyOf(SETTLED);
	}

	/**
	 * The values of these states, in lifecycle order, for a SQL parameter
	 * ({@code state IN (:done)}).
	 */
	public static List<String> valuesOf(Collection<WorkOrderLifecycle> states) {
		return states.stream().sorted().map(WorkOrderLifecycle::value).toList();
	}

	/**
	 * The states as a SQL list of literals, for the computed columns of a collection,
	 * which ogc/ and tiles/ run without parameters; the values are this enum's own.
	 */
	static String sqlList(Collection<WorkOrderLifecycle> states) {
		return valuesOf(states).stream().map((value) -> "'" + value + "'").collect(Collectors.joining(", "));
	}

	/** The value stored in work_order.state and used in the API. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<WorkOrderLifecycle> of(String value) {
		return Arrays.stream(values()).filter((s) -> s.value().equals(value)).findFirst();
	}

}
