package cn.zonegis.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.ZoneTime;

/**
 * The days a report covers, both included, as the zone's calendar days
 * ({@link ZoneTime}): an event at 23:59 on the last day counts, one at 00:00 the day
 * after does not.
 *
 * @param start the first instant of the period
 * @param end the first instant after the period
 * @param timeZone the zone's time zone the days are read in
 */
public record ReportPeriod(LocalDate from, LocalDate to, OffsetDateTime start, OffsetDateTime end, String timeZone) {

	/** Both days are required; an inverted period is refused, naming the parameter. */
	static ReportPeriod parse(String from, String to, ZoneTime zoneTime) {
		LocalDate first = day("from", from);
		LocalDate last = day("to", to);
		if (first.isAfter(last)) {
			throw ApiProblem.badRequest("inverted-period", "report.period.inverted", from, to).with("parameter", "to");
		}
		return new ReportPeriod(first, last, zoneTime.day(first).start(), zoneTime.day(last).end(),
				zoneTime.zone().getId());
	}

	private static LocalDate day(String parameter, String value) {
		if (value == null || value.isBlank()) {
			throw ApiProblem.badRequest("open-period", "report.period.open", parameter).with("parameter", parameter);
		}
		if (!ZoneTime.isDate(value)) {
			throw invalid(parameter, value);
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw invalid(parameter, value);
		}
	}

	private static ApiProblem invalid(String parameter, String value) {
		return ApiProblem.badRequest("invalid-date", "report.period.date", parameter, value)
			.with("parameter", parameter);
	}

}
