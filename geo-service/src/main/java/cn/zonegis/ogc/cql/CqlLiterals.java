package cn.zonegis.ogc.cql;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import cn.zonegis.geo.ZoneTime;
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

	/** DATE('2026-01-01') is its whole day in the zone; TIMESTAMP('…Z') is an instant. */
	static Cql.TimeLiteral instant(String kind, String value, ZoneTime zoneTime) {
		if ("DATE".equals(kind) != ZoneTime.isDate(value)) {
			throw notA(kind, value);
		}
		try {
			ZoneTime.Span span = zoneTime.read(value);
			return new Cql.TimeLiteral(span.start(), span.last(), span.wholeDay());
		}
		catch (DateTimeParseException ex) {
			throw notA(kind, value);
		}
	}

	/**
	 * INTERVAL('start', 'end') with '..' for an open end; each end a date or a timestamp.
	 */
	static Cql.TimeLiteral interval(String start, String end, ZoneTime zoneTime) {
		OffsetDateTime from = "..".equals(start) ? null : instant(kindOf(start), start, zoneTime).start();
		OffsetDateTime to = "..".equals(end) ? null : instant(kindOf(end), end, zoneTime).end();
		if (from != null && to != null && from.isAfter(to)) {
			throw new CqlException("INTERVAL starts after it ends");
		}
		return new Cql.TimeLiteral(from, to, false);
	}

	private static String kindOf(String value) {
		return ZoneTime.isDate(value) ? "DATE" : "TIMESTAMP";
	}

	private static CqlException notA(String kind, String value) {
		return new CqlException(kind + "('" + value + "') is not a valid " + kind.toLowerCase());
	}

}
