package cn.zonegis.ogc.cql;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** Literals both encodings share: BBOX, DATE, TIMESTAMP and INTERVAL. */
final class CqlLiterals {

	private static final GeometryFactory FACTORY = new GeometryFactory();

	private CqlLiterals() {
	}

	/** Four numbers (or six, heights ignored) in the filter CRS's axis order. */
	static Cql bbox(double[] values) {
		if (values.length != 4 && values.length != 6) {
			throw new CqlException("BBOX takes 4 or 6 numbers, got " + values.length);
		}
		int half = values.length / 2;
		if (values[0] > values[half] || values[1] > values[half + 1]) {
			throw new CqlException("BBOX has a minimum above its maximum");
		}
		return new Cql.GeometryLiteral(
				FACTORY.toGeometry(new Envelope(values[0], values[half], values[1], values[half + 1])));
	}

	/** DATE('2026-01-01') is its whole day; TIMESTAMP('…Z') is an instant. */
	static Cql.TimeLiteral instant(String kind, String value) {
		try {
			if ("DATE".equals(kind)) {
				OffsetDateTime day = LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
				return new Cql.TimeLiteral(day, day.plusDays(1).minusNanos(1000), true);
			}
			OffsetDateTime at = OffsetDateTime.parse(value);
			return new Cql.TimeLiteral(at, at, false);
		}
		catch (DateTimeParseException ex) {
			throw new CqlException(kind + "('" + value + "') is not a valid " + kind.toLowerCase());
		}
	}

	/**
	 * INTERVAL('start', 'end') with '..' for an open end; each end a date or a timestamp.
	 */
	static Cql.TimeLiteral interval(String start, String end) {
		OffsetDateTime from = "..".equals(start) ? null : instant(kindOf(start), start).start();
		OffsetDateTime to = "..".equals(end) ? null : instant(kindOf(end), end).end();
		if (from != null && to != null && from.isAfter(to)) {
			throw new CqlException("INTERVAL starts after it ends");
		}
		return new Cql.TimeLiteral(from, to, false);
	}

	private static String kindOf(String value) {
		return (value.length() == 10) ? "DATE" : "TIMESTAMP";
	}

}
