package cn.zonegis.project;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProjectProgressTests {

	static final LocalDate MID_YEAR = LocalDate.of(2026, 7, 2);

	static ProjectProgress progress(String total, String completed, String target, LocalDate start, String state,
			LocalDate asOf) {
		return ProjectProgress.of(new BigDecimal(total), new BigDecimal(completed),
				(target == null) ? null : new BigDecimal(target), start, state, asOf);
	}

	@Test
	void progressIsCompletedOverTotal() {
		assertThat(progress("56000", "11760", null, null, "under_construction", MID_YEAR).progress())
			.isEqualByComparingTo("0.21");
	}

	@Test
	void halfWayThroughTheYearHalfTheAnnualTargetIsExpected() {
		// 2 July 2026 is day 183 of 365.
		ProjectProgress p = progress("10000", "2000", "5000", LocalDate.of(2024, 1, 1), "under_construction", MID_YEAR);
		assertThat(p.expectedWan().doubleValue()).isCloseTo(5000 * 183 / 365.0, within(0.01));
		assertThat(p.lagging()).isTrue();
		assertThat(p.exceededAnnualTarget()).isFalse();
	}

	@Test
	void aProjectAheadOfItsShareIsNotLaggingAndOnePastItsTargetHasExceededIt() {
		ProjectProgress p = progress("120000", "69600", "55680", LocalDate.of(2024, 8, 1), "under_construction",
				MID_YEAR);
		assertThat(p.lagging()).isFalse();
		assertThat(p.exceededAnnualTarget()).isTrue();
	}

	@Test
	void aProjectStartingThisYearIsMeasuredFromItsStartDate() {
		LocalDate start = LocalDate.of(2026, 9, 1);
		assertThat(ProjectProgress.shareOfYearElapsed(start, LocalDate.of(2026, 8, 31))).isZero();
		assertThat(ProjectProgress.shareOfYearElapsed(start, LocalDate.of(2026, 12, 31))).isEqualTo(1.0);
		// 1 September to 30 October: 60 of the 122 days left in the year.
		assertThat(ProjectProgress.shareOfYearElapsed(start, LocalDate.of(2026, 10, 30))).isCloseTo(60 / 122.0,
				within(1e-9));
	}

	@Test
	void aPlannedProjectIsOnlyBehindOnceItsStartDateHasPassed() {
		assertThat(progress("12000", "0", "3200", LocalDate.of(2026, 9, 1), "planned", MID_YEAR).lagging()).isFalse();
		assertThat(progress("12000", "0", "3200", LocalDate.of(2026, 6, 1), "planned", MID_YEAR).lagging()).isTrue();
		assertThat(progress("12000", "0", "3200", null, "planned", MID_YEAR).lagging()).isFalse();
	}

	@Test
	void finishedProjectsAndProjectsWithoutATargetAreNeverLagging() {
		assertThat(
				progress("60000", "100", "18000", LocalDate.of(2023, 9, 12), "basically_completed", MID_YEAR).lagging())
			.isFalse();
		assertThat(progress("60000", "100", null, LocalDate.of(2023, 9, 12), "under_construction", MID_YEAR).lagging())
			.isFalse();
	}

}
