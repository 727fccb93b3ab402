package cn.zonegis.geo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one rule for the dates and times people and GIS clients send, in {@code /api},
 * {@code /ogc}, CQL2 and reports alike: a bare date ({@code 2026-03-01}) is that whole
 * day in the zone's own time zone ({@code zonegis.geo.time-zone}, Asia/Shanghai unless
 * configured), from its first instant up to the first instant of the next day; a
 * timestamp carries its offset (RFC 3339) and is that one instant.
 */
@Component
public final class ZoneTime {

	static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final ZoneId zone;

	@Autowired
	public ZoneTime(GeoProperties geo) {
		this.zone = geo.timeZone();
	}

	private ZoneTime(ZoneId zone) {
		this.zone = zone;
	}

	/** The rule in a given time zone, for code that runs outside Spring. */
	public static ZoneTime in(ZoneId zone) {
		return new ZoneTime(zone);
	}

	public ZoneId zone() {
		return this.zone;
	}

	/** Whether the text is written as a calendar date rather than a timestamp. */
	public static boolean isDate(String text) {
		return DATE.matcher(text.strip()).matches();
	}

	/**
	 * The time a date or a timestamp names.
	 * @throws DateTimeParseException when the text is neither
	 */
	public Span read(String text) {
		String value = text.strip();
		if (isDate(value)) {
			return day(LocalDate.parse(value));
		}
		OffsetDateTime at = OffsetDateTime.parse(value);
		return new Span(at, at, false);
	}

	/** The zone's calendar day a date names, or on which a timestamp falls. */
	public LocalDate dateOf(String text) {
		return read(text).start().atZoneSameInstant(this.zone).toLocalDate();
	}

	/** A calendar day of the zone. */
	public Span day(LocalDate day) {
		return new Span(startOf(day), startOf(day.plusDays(1)), true);
	}

	/** The first instant of a day in the zone. */
	public OffsetDateTime startOf(LocalDate day) {
		return day.atStartOfDay(this.zone).toOffsetDateTime();
	}

	/** Today in the zone. */
	public LocalDate today() {
		return LocalDate.now(this.zone);
	}

	/**
	 * A stretch of time: a whole day runs from {@code start} up to, not including,
	 * {@code end}; an instant starts and ends at the same moment.
	 *
	 * @param start the first instant
	 * @param end the next day's first instant for a day, the instant itself otherwise
	 * @param wholeDay whether the text was a date
	 */
	public record Span(OffsetDateTime start, OffsetDateTime end, boolean wholeDay) {

		/** The last instant inside the span, to the microsecond PostgreSQL keeps. */
		public OffsetDateTime last() {
			return this.wholeDay ? this.end.minusNanos(1000) : this.end;
		}

	}

}
