package cn.zonegis.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a key project (重点项目) has come, and whether it is behind plan.
 *
 * <p>
 * Progress is completed ÷ total investment. A project is <b>lagging</b> when it should be
 * spending money (under construction, or planned with a start date already passed) and
 * its completed investment is below the part of this year's annual target (年度计划投资) that
 * the time elapsed calls for: annual target × (days from the later of 1 January and the
 * start date, to the as-of date) ÷ (days from that same day to 31 December). A project
 * that started in September is thus measured against September to December only. Projects
 * without an annual target, basically completed or in operation are never lagging. The
 * completed investment is compared with the annual target as the bureau's half-year
 * report does (完成投资 against 年度计划: "超额完成年度投资").
 *
 * @param progress completed ÷ total, 4 decimals (may exceed 1 after an overrun)
 * @param expectedWan investment the annual target calls for by the as-of date, or null
 * when the project is not assessed
 * @param lagging completed investment below expectedWan
 * @param exceededAnnualTarget completed investment at or above the annual target
 * (超额完成年度投资)
 */
public record ProjectProgress(BigDecimal progress, BigDecimal expectedWan, boolean lagging,
		boolean exceededAnnualTarget) {

	/**
	 * The properties a project's read publishes for it, as {@link #properties()} names
	 * them.
	 */
	static final List<String> PROPERTIES = List.of("progress", "expected_wan", "lagging", "exceeded_annual_target");

	/** The values as a project's read publishes them, by {@link #PROPERTIES}. */
	Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("progress", this.progress);
		properties.put("expected_wan", this.expectedWan);
		properties.put("lagging", this.lagging);
		properties.put("exceeded_annual_target", this.exceededAnnualTarget);
		return properties;
	}

	/** The states in which a project is expected to be spending its annual target. */
	static boolean assessed(String state, LocalDate startDate, LocalDate asOf) {
		return "under_construction".equals(state)
				|| ("planned".equals(state) && startDate != null && !startDate.isAfter(asOf));
	}

	static ProjectProgress of(BigDecimal totalWan, BigDecimal completedWan, BigDecimal annualTargetWan,
			LocalDate startDate, String state, LocalDate asOf) {
		BigDecimal progress = completedWan.divide(totalWan, 4, RoundingMode.HALF_UP);
		boolean exceeded = annualTargetWan != null && completedWan.compareTo(annualTargetWan) >= 0;
		if (annualTargetWan == null || !assessed(state, startDate, asOf)) {
			return new ProjectProgress(progress, null, false, exceeded);
		}
		BigDecimal expected = annualTargetWan.multiply(BigDecimal.valueOf(shareOfYearElapsed(startDate, asOf)))
			.setScale(2, RoundingMode.HALF_UP);
		return new ProjectProgress(progress, expected, completedWan.compareTo(expected) < 0, exceeded);
	}

	/**
	 * The share of this year's working period (from 1 January or the start date) elapsed
	 * by asOf, 0 to 1.
	 */
	static double shareOfYearElapsed(LocalDate startDate, LocalDate asOf) {
		LocalDate newYear = asOf.withDayOfYear(1);
		LocalDate from = (startDate != null && startDate.isAfter(newYear)) ? startDate : newYear;
		if (from.isAfter(asOf)) {
			return 0;
		}
		long elapsed = ChronoUnit.DAYS.between(from, asOf) + 1;
		long period = ChronoUnit.DAYS.between(from, newYear.plusYears(1));
		return Math.min(1.0, (double) elapsed / period);
	}

}
