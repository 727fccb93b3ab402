package cn.zonegis.ogc.cql;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.locationtech.jts.geom.Coordinate;

/**
 * What a filter may hold before it is compiled: a bounded nesting (PostgreSQL, like the
 * parsers, recurses once per level and fails with a stack error past a few thousand) and
 * only finite numbers (JTS reads 1e400 in WKT as Infinity, which no geometry can use).
 */
public final class CqlLimits {

	/** Deeper than any filter written by hand or by QGIS. */
	public static final int MAX_DEPTH = 32;

	private static final BigDecimal LARGEST = BigDecimal.valueOf(Double.MAX_VALUE);

	private CqlLimits() {
	}

	/**
	 * Refuses filter text whose brackets nest deeper than {@link #MAX_DEPTH}, before a
	 * parser recurses into it. Brackets inside quoted strings do not count.
	 */
	public static void checkText(String filter) {
		int depth = 0;
		char quote = 0;
		for (int i = 0; i < filter.length(); i++) {
			char c = filter.charAt(i);
			if (quote != 0) {
				quote = (c == quote) ? 0 : quote;
			}
			else if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '(' || c == '[' || c == '{') {
				if (++depth > MAX_DEPTH) {
					throw tooDeep();
				}
			}
			else if (c == ')' || c == ']' || c == '}') {
				depth--;
			}
		}
	}

	/**
	 * Refuses a parsed filter nesting deeper than {@link #MAX_DEPTH} (NOT NOT …) or
	 * holding a number out of range.
	 */
	public static void check(Cql filter) {
		check(filter, 1);
	}

	private static void check(Cql node, int depth) {
		if (depth > MAX_DEPTH) {
			throw tooDeep();
		}
		if (node instanceof Cql.Literal literal && literal.value() instanceof BigDecimal number
				&& number.abs().compareTo(LARGEST) > 0) {
			throw new CqlException("the number " + number + " is out of range");
		}
		if (node instanceof Cql.GeometryLiteral literal) {
			for (Coordinate c : literal.geometry().getCoordinates()) {
				if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
					throw new CqlException(
							"a coordinate of " + literal.geometry().getGeometryType() + " is not a finite number");
				}
			}
		}
		for (Cql child : children(node)) {
			check(child, depth + 1);
		}
	}

	private static List<Cql> children(Cql node) {
		if (node instanceof Cql.Comparison c) {
			return List.of(c.left(), c.right());
		}
		if (node instanceof Cql.Like l) {
			return List.of(l.value(), l.pattern());
		}
		if (node instanceof Cql.Between b) {
			return List.of(b.value(), b.low(), b.high());
		}
		if (node instanceof Cql.In in) {
			return (in.value() == null) ? in.list() : concat(List.of(in.value()), in.list());
		}
		if (node instanceof Cql.IsNull n) {
			return List.of(n.value());
		}
		if (node instanceof Cql.And a) {
			return a.operands();
		}
		if (node instanceof Cql.Or o) {
			return o.operands();
		}
		if (node instanceof Cql.Not n) {
			return List.of(n.operand());
		}
		if (node instanceof Cql.Spatial s) {
			return List.of(s.left(), s.right());
		}
		if (node instanceof Cql.Temporal t) {
			return List.of(t.left(), t.right());
		}
		return List.of();
	}

	private static List<Cql> concat(List<Cql> first, List<Cql> second) {
		return Stream.concat(first.stream(), second.stream()).toList();
	}

	private static CqlException tooDeep() {
		return new CqlException("the filter nests deeper than " + MAX_DEPTH + " levels");
	}

}
