package cn.zonegis.ogc.cql;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import cn.zonegis.geo.ZoneTime;
import cn.zonegis.ogc.Crs;
import cn.zonegis.ogc.Queryable;
import cn.zonegis.ogc.SqlWhere;
import org.locationtech.jts.io.WKBWriter;

/**
 * Turns a CQL2 tree into one SQL condition over alias {@code t}. Properties resolve only
 * through the collection's queryables (an unknown one is a 400 naming it), every literal
 * is bound as a parameter, geometry literals are transformed from the filter CRS into the
 * storage CRS.
 */
public final class CqlSqlCompiler {

	/** The name CQL2 and the queryables give the geometry of a feature. */
	public static final String GEOMETRY = "geometry";

	private static final String STORED_GEOMETRY = "t.geom";

	private final Function<String, Queryable> queryables;

	private final SqlWhere where;

	private final Crs filterCrs;

	private final ZoneTime zoneTime;

	/**
	 * @param queryables resolves a property name, throwing a 400 for an unknown one
	 * @param where receives the bound values
	 * @param filterCrs the CRS and axis order of geometry literals
	 * @param zoneTime reads dates compared with temporal properties
	 */
	public CqlSqlCompiler(Function<String, Queryable> queryables, SqlWhere where, Crs filterCrs, ZoneTime zoneTime) {
		this.queryables = queryables;
		this.where = where;
		this.filterCrs = filterCrs;
		this.zoneTime = zoneTime;
	}

	public String compile(Cql filter) {
		if (filter instanceof Cql.And and) {
			return joined(and.operands(), " AND ");
		}
		if (filter instanceof Cql.Or or) {
			return joined(or.operands(), " OR ");
		}
		if (filter instanceof Cql.Not not) {
			return "NOT (" + compile(not.operand()) + ")";
		}
		if (filter instanceof Cql.Comparison comparison) {
			return comparison(comparison);
		}
		if (filter instanceof Cql.Like like) {
			return negate(like.negated(), text(like.value()) + " LIKE " + pattern(like.pattern()));
		}
		if (filter instanceof Cql.Between b) {
			return negate(b.negated(), scalar(b.value(), b.low()) + " BETWEEN " + scalar(b.low(), b.value()) + " AND "
					+ scalar(b.high(), b.value()));
		}
		if (filter instanceof Cql.In in) {
			return in(in);
		}
		if (filter instanceof Cql.IsNull isNull) {
			return scalar(isNull.value(), null) + (isNull.negated() ? " IS NOT NULL" : " IS NULL");
		}
		if (filter instanceof Cql.Spatial spatial) {
			return spatial.operator().postgis() + "(" + geometry(spatial.left()) + ", " + geometry(spatial.right())
					+ ")";
		}
		if (filter instanceof Cql.Temporal temporal) {
			return temporal(temporal);
		}
		if (filter instanceof Cql.Literal literal && literal.value() instanceof Boolean value) {
			return value ? "TRUE" : "FALSE";
		}
		throw new CqlException("a condition was expected, not " + describe(filter));
	}

	private String joined(List<Cql> operands, String operator) {
		List<String> parts = new ArrayList<>();
		for (Cql operand : operands) {
			parts.add("(" + compile(operand) + ")");
		}
		return String.join(operator, parts);
	}

	private static String negate(boolean negated, String condition) {
		return negated ? "NOT (" + condition + ")" : condition;
	}

	private String comparison(Cql.Comparison c) {
		if (c.left() instanceof Cql.Property p && queryable(p).type() == Queryable.Type.ARRAY) {
			if (!"=".equals(c.operator())) {
				throw new CqlException("array property " + p.name() + " only takes =, meaning it contains the value");
			}
			return scalar(c.right(), null) + " = ANY(" + queryable(p).sql() + ")";
		}
		return scalar(c.left(), c.right()) + " " + c.operator() + " " + scalar(c.right(), c.left());
	}

	private String in(Cql.In in) {
		if (in.value() == null) {
			throw new CqlException("a list may only follow in");
		}
		List<String> values = new ArrayList<>();
		for (Cql item : in.list()) {
			values.add(scalar(item, in.value()));
		}
		return negate(in.negated(), scalar(in.value(), null) + " IN (" + String.join(", ", values) + ")");
	}

	/**
	 * A property, or a literal bound as a value of the type of the property it is
	 * compared with, so that PostgreSQL compares like with like and a bad value is a 400,
	 * not a database error.
	 */
	private String scalar(Cql operand, Cql other) {
		if (operand instanceof Cql.Property p) {
			return queryable(p).sql();
		}
		if (operand instanceof Cql.Literal literal) {
			if (other instanceof Cql.Property p) {
				Queryable target = queryable(p);
				return this.where.bind(literal.isNumber() ? target.valueOf((BigDecimal) literal.value(), this.zoneTime)
						: target.valueOf(String.valueOf(literal.value()), this.zoneTime));
			}
			return this.where.bind(literal.value());
		}
		if (operand instanceof Cql.TimeLiteral time && time.day()) {
			return this.where.bind(time.start().toLocalDate());
		}
		if (operand instanceof Cql.TimeLiteral time && time.start() != null && time.start().equals(time.end())) {
			return this.where.bind(time.start());
		}
		throw new CqlException("a value was expected, not " + describe(operand));
	}

	/** LIKE compares text: a non-text property is compared by its text form. */
	private String text(Cql operand) {
		if (operand instanceof Cql.Property p && queryable(p).type() != Queryable.Type.STRING) {
			return queryable(p).sql() + "::text";
		}
		if (operand instanceof Cql.Literal literal && literal.isString()) {
			return this.where.bind(literal.value());
		}
		return scalar(operand, null);
	}

	/**
	 * CQL2's pattern is a text literal with \ as its escape character, as in PostgreSQL,
	 * which refuses a pattern ending in a lone escape when the query runs.
	 */
	private String pattern(Cql operand) {
		if (!(operand instanceof Cql.Literal literal && literal.value() instanceof String pattern)) {
			throw new CqlException("LIKE takes a text pattern, not " + describe(operand));
		}
		int escapes = 0;
		while (escapes < pattern.length() && pattern.charAt(pattern.length() - 1 - escapes) == '\\') {
			escapes++;
		}
		if (escapes % 2 == 1) {
			throw new CqlException("the LIKE pattern '" + pattern
					+ "' ends in the escape character \\; write \\\\ to match a backslash");
		}
		return this.where.bind(pattern);
	}

	private String geometry(Cql operand) {
		if (operand instanceof Cql.Property p && GEOMETRY.equals(p.name())) {
			return STORED_GEOMETRY;
		}
		if (operand instanceof Cql.GeometryLiteral literal) {
			String wkb = this.where.bind(new WKBWriter(2).write(literal.geometry()));
			return this.filterCrs.toStorage("ST_GeomFromWKB(" + wkb + ")");
		}
		throw new CqlException("a geometry was expected, not " + describe(operand));
	}

	/**
	 * Both sides as [start, end], a property being an instant; CQL2's meaning of each
	 * function.
	 */
	private String temporal(Cql.Temporal t) {
		Bound[] a = period(t.left());
		Bound[] b = period(t.right());
		return switch (t.operator()) {
			case T_BEFORE -> less(a[1], b[0]);
			case T_AFTER -> less(b[1], a[0]);
			case T_DURING -> both(notLess(a[0], b[0]), notLess(b[1], a[1]));
			case T_INTERSECTS -> both(notLess(b[1], a[0]), notLess(a[1], b[0]));
			case T_EQUALS -> both(equal(a[0], b[0]), equal(a[1], b[1]));
		};
	}

	private Bound[] period(Cql operand) {
		if (operand instanceof Cql.Property p) {
			Queryable q = queryable(p);
			if (!q.temporal()) {
				throw new CqlException("property " + p.name() + " is not a date or time");
			}
			Bound instant = new Bound("(" + q.sql() + ")::timestamptz", 0);
			return new Bound[] { instant, instant };
		}
		if (operand instanceof Cql.TimeLiteral time) {
			return new Bound[] { bound(time.start(), -1), bound(time.end(), 1) };
		}
		throw new CqlException("a date, timestamp or interval was expected, not " + describe(operand));
	}

	private Bound bound(OffsetDateTime at, int openEnd) {
		return (at == null) ? new Bound(null, openEnd) : new Bound(this.where.bind(at), 0);
	}

	/** x &lt; y, where an open start is before and an open end after every instant. */
	private static String less(Bound x, Bound y) {
		if (x.infinity() == 0 && y.infinity() == 0) {
			return x.sql() + " < " + y.sql();
		}
		boolean holds = (x.infinity() < 0 && y.infinity() >= 0) || (y.infinity() > 0 && x.infinity() <= 0);
		return holds ? "TRUE" : "FALSE";
	}

	private static String notLess(Bound x, Bound y) {
		if (x.infinity() == 0 && y.infinity() == 0) {
			return x.sql() + " >= " + y.sql();
		}
		return "TRUE".equals(less(x, y)) ? "FALSE" : "TRUE";
	}

	private static String equal(Bound x, Bound y) {
		if (x.infinity() == 0 && y.infinity() == 0) {
			return x.sql() + " = " + y.sql();
		}
		return (x.infinity() == y.infinity()) ? "TRUE" : "FALSE";
	}

	private static String both(String a, String b) {
		return "(" + a + ") AND (" + b + ")";
	}

	/**
	 * One end of a period: SQL for a finite instant, or an open start (-1) or open end
	 * (+1).
	 */
	private record Bound(String sql, int infinity) {
	}

	private Queryable queryable(Cql.Property property) {
		if (GEOMETRY.equals(property.name())) {
			throw new CqlException("geometry can only be used in a spatial function");
		}
		return this.queryables.apply(property.name());
	}

	private static String describe(Cql operand) {
		return operand.getClass().getSimpleName();
	}

}
