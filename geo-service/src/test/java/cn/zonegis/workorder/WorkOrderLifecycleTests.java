package cn.zonegis.workorder;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static cn.zonegis.workorder.WorkOrderLifecycle.CANCELLED;
import static cn.zonegis.workorder.WorkOrderLifecycle.CLOSED;
import static cn.zonegis.workorder.WorkOrderLifecycle.COMPLETED;
import static cn.zonegis.workorder.WorkOrderLifecycle.DISPATCHED;
import static cn.zonegis.workorder.WorkOrderLifecycle.IN_PROGRESS;
import static cn.zonegis.workorder.WorkOrderLifecycle.NEW;
import static cn.zonegis.workorder.WorkOrderLifecycle.REJECTED;
import static cn.zonegis.workorder.WorkOrderLifecycle.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle table, as plain rules. */
class WorkOrderLifecycleTests {

	@ParameterizedTest
	@CsvSource({ "new, dispatched", "dispatched, in_progress", "in_progress, completed", "completed, verified",
			"verified, closed", "completed, rejected", "rejected, in_progress", "new, cancelled",
			"dispatched, cancelled", "in_progress, cancelled" })
	void theLoopAllowsEachOfItsSteps(String from, String to) {
		assertThat(state(from).canMoveTo(state(to))).isTrue();
	}

	@Test
	void everyOtherStepIsRefused() {
		Set<String> allowed = Set.of("new>dispatched", "dispatched>in_progress", "in_progress>completed",
				"completed>verified", "verified>closed", "completed>rejected", "rejected>in_progress", "new>cancelled",
				"dispatched>cancelled", "in_progress>cancelled");
		for (WorkOrderLifecycle from : WorkOrderLifecycle.values()) {
			for (WorkOrderLifecycle to : WorkOrderLifecycle.values()) {
				assertThat(from.canMoveTo(to)).as(from.value() + ">" + to.value())
					.isEqualTo(allowed.contains(from.value() + ">" + to.value()));
			}
		}
	}

	@Test
	void closedAndCancelledOrdersAreFinal() {
		assertThat(CLOSED.next()).isEmpty();
		assertThat(CANCELLED.next()).isEmpty();
	}

	@Test
	void completedWorkCannotBeCancelledOnlyRejected() {
		assertThat(COMPLETED.canMoveTo(CANCELLED)).isFalse();
		assertThat(VERIFIED.canMoveTo(CANCELLED)).isFalse();
		assertThat(REJECTED.canMoveTo(CANCELLED)).isFalse();
	}

	@Test
	void onlyStartingAndCompletingAreTheCrewsSteps() {
		Set<WorkOrderLifecycle> crewSteps = EnumSet.noneOf(WorkOrderLifecycle.class);
		for (WorkOrderLifecycle state : WorkOrderLifecycle.values()) {
			if (state.isCrewStep()) {
				crewSteps.add(state);
			}
		}
		assertThat(crewSteps).containsExactlyInAnyOrder(IN_PROGRESS, COMPLETED);
	}

	@Test
	void completedVerifiedClosedAndCancelledOrdersNoLongerRunAgainstTheSla() {
		assertThat(WorkOrderLifecycle.settled()).containsExactlyInAnyOrder(COMPLETED, VERIFIED, CLOSED, CANCELLED)
			.doesNotContain(REJECTED);
	}

	@Test
	void theOpenWorkloadCountsDispatchedAndInProgressOrders() {
		assertThat(WorkOrderLifecycle.withCrew()).containsExactlyInAnyOrder(DISPATCHED, IN_PROGRESS);
	}

	@Test
	void statesReadAndWriteTheStoredValues() {
		assertThat(WorkOrderLifecycle.of("in_progress")).contains(IN_PROGRESS);
		assertThat(WorkOrderLifecycle.of("IN_PROGRESS")).isEmpty();
		assertThat(WorkOrderLifecycle.of("done")).isEmpty();
		assertThat(WorkOrderLifecycle.of(null)).isEmpty();
		assertThat(NEW.value()).isEqualTo("new");
	}

	private static WorkOrderLifecycle state(String value) {
		return WorkOrderLifecycle.of(value).orElseThrow();
	}

}
