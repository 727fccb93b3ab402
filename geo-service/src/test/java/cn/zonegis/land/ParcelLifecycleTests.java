package cn.zonegis.land;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static cn.zonegis.land.ParcelLifecycle.CANCELLED;
import static cn.zonegis.land.ParcelLifecycle.FILED;
import static cn.zonegis.land.ParcelLifecycle.LISTED;
import static cn.zonegis.land.ParcelLifecycle.PLANNED;
import static cn.zonegis.land.ParcelLifecycle.RECOVERED;
import static cn.zonegis.land.ParcelLifecycle.RED_LINE_ISSUED;
import static cn.zonegis.land.ParcelLifecycle.TRANSFERRED;
import static org.assertj.core.api.Assertions.assertThat;

/** Plain JUnit: the lifecycle's transition table. */
class ParcelLifecycleTests {

	@Test
	void eachActiveStatusMovesOneStepOnOrEnds() {
		assertThat(PLANNED.next()).containsExactlyInAnyOrder(RED_LINE_ISSUED, RECOVERED, CANCELLED);
		assertThat(RED_LINE_ISSUED.next()).containsExactlyInAnyOrder(FILED, RECOVERED, CANCELLED);
		assertThat(FILED.next()).containsExactlyInAnyOrder(LISTED, RECOVERED, CANCELLED);
		assertThat(LISTED.next()).containsExactlyInAnyOrder(TRANSFERRED, RECOVERED, CANCELLED);
	}

	@Test
	void aTransferredParcelCanOnlyBeRecoveredOrCancelled() {
		assertThat(TRANSFERRED.next()).containsExactlyInAnyOrder(RECOVERED, CANCELLED);
	}

	@Test
	void recoveredParcelCannotBeTransferredAgain() {
		assertThat(RECOVERED.canMoveTo(TRANSFERRED)).isFalse();
		assertThat(RECOVERED.next()).isEmpty();
		assertThat(CANCELLED.next()).isEmpty();
	}

	@Test
	void noStepSkipsAheadOrGoesBack() {
		assertThat(PLANNED.canMoveTo(FILED)).isFalse();
		assertThat(LISTED.canMoveTo(FILED)).isFalse();
		assertThat(PLANNED.canMoveTo(PLANNED)).isFalse();
	}

	@Test
	void onlyRecoveredAndCancelledParcelsLetGoOfTheirGround() {
		assertThat(EnumSet.allOf(ParcelLifecycle.class).stream().filter((s) -> !s.isActive()))
			.containsExactlyInAnyOrder(RECOVERED, CANCELLED);
		assertThat(ParcelLifecycle.endedCodes()).containsExactlyInAnyOrder("recovered", "cancelled");
	}

	@Test
	void statusCodesAreTheStoredValues() {
		assertThat(RED_LINE_ISSUED.code()).isEqualTo("red_line_issued");
		assertThat(ParcelLifecycle.fromCode("listed")).contains(LISTED);
		assertThat(ParcelLifecycle.fromCode("LISTED")).isEmpty();
	}

}
