package cn.zonegis.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import cn.zonegis.ApiProblem;

/**
 * The days a report covers, both included, as the zone's local calendar days
 * (Asia/Shanghai): an event at 23:59 on the last day counts, one at 00:00 the day after
 * does not.
 */
record ReportPeriod(LocalDate from, LocalDate to) {

	static final ZoneId ZONE_TIME = ZoneId.of("Asia/Shanghai");

	/** Both days are required; an inverted period is refused, naming the parameter. */
	static ReportPeriod parse(String from, String to) {
		LocalDate first = day("from", from);
		LocalDate last = day("to", to);
		if (first.isAfter(last)) {
			throw ApiProblem.badRequest("inverted-period", "report.period.inverted", from, to).with("parameter", "to");
		}
		return new ReportPeriod(first, last);
	}

	/** The first instant of the period. */
	OffsetDateTime start() {
		return this.from.atStartOfDay(ZONE_TIME).toOffsetDateTime();
	}

	/** The first instant after the period. */
	OffsetDateTime end() {
		return this.to.plusDays(1).atStartOfDay(ZONE_TIME).toOffsetDateTime();
	}

	private static LocalDate day(String parameter, String value) {
		if (value == null || value.isBlank()) {
			throw ApiProblem.badRequest("open-period", "report.period.open", parameter).with("parameter", parameter);
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.badRequest("invalid-date", "report.period.date", parameter, value)
				.with("parameter", parameter);
		}
	}

}
