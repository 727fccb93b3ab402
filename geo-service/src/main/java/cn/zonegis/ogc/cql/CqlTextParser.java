package cn.zonegis.ogc.cql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.zonegis.geo.ZoneTime;
import cn.zonegis.ogc.cql.CqlLexer.Kind;
import cn.zonegis.ogc.cql.CqlLexer.Token;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A recursive-descent parser for cql2-text (OGC 21-065): boolean operators, comparisons,
 * LIKE, IN, BETWEEN, IS NULL, the spatial and temporal functions, and WKT, BBOX, DATE,
 * TIMESTAMP and INTERVAL literals.
 */
public final class CqlTextParser {

	private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", "<=", ">", ">=");

	private static final Set<String> WKT_TYPES = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
			"MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");

	/**
	 * PostGIS refuses a closed ring of fewer points, as GeoJSON does; JTS builds one of
	 * three.
	 */
	private static final int MINIMUM_RING_POINTS = 4;

	private final String text;

	private final List<Token> tokens;

	private int next;

	private final ZoneTime zoneTime;

	private CqlTextParser(String text, ZoneTime zoneTime) {
		this.text = text;
		this.zoneTime = zoneTime;
		this.tokens = CqlLexer.tokens(text);
	}

	/** Parses a CQL2 text filter; dates are the zone's days (see {@link ZoneTime}). */
	public static Cql parse(String text, ZoneTime zoneTime) {
		CqlTextParser parser = new CqlTextParser(text, zoneTime);
		Cql filter = parser.or();
		if (parser.peek().kind() != Kind.END) {
			throw parser.unexpected();
		}
		return filter;
	}

	private Cql or() {
		List<Cql> operands = new ArrayList<>(List.of(and()));
		while (accept("OR")) {
			operands.add(and());
		}
		return (operands.size() == 1) ? operands.get(0) : new Cql.Or(operands);
	}

	private Cql and() {
		List<Cql> operands = new ArrayList<>(List.of(not()));
		while (accept("AND")) {
			operands.add(not());
		}
		return (operands.size() == 1) ? operands.get(0) : new Cql.And(operands);
	}

	private Cql not() {
		if (accept("NOT")) {
			return new Cql.Not(not());
		}
		if (accept("(")) {
			Cql inner = or();
			expect(")");
			return inner;
		}
		return predicate();
	}

	private Cql predicate() {
		Token start = peek();
		String name = start.text().toUpperCase(Locale.ROOT);
		if (start.kind() == Kind.WORD && peek(1).is("(")) {
			for (Cql.SpatialOperator operator : Cql.SpatialOperator.values()) {
				if (operator.name().equals(name)) {
					this.next++;
					Cql[] args = twoArguments();
					return new Cql.Spatial(operator, args[0], args[1]);
				}
			}
			for (Cql.TemporalOperator operator : Cql.TemporalOperator.values()) {
				if (operator.name().equals(name)) {
					this.next++;
					Cql[] args = twoArguments();
					return new Cql.Temporal(operator, args[0], args[1]);
				}
			}
		}
		Cql left = scalar();
		if (accept("IS")) {
			boolean negated = accept("NOT");
			expect("NULL");
			return new Cql.IsNull(left, negated);
		}
		boolean negated = accept("NOT");
		if (accept("LIKE")) {
			return new Cql.Like(left, scalar(), negated);
		}
		if (accept("BETWEEN")) {
			Cql low = scalar();
			expect("AND");
			return new Cql.Between(left, low, scalar(), negated);
		}
		if (accept("IN")) {
			expect("(");
			List<Cql> list = new ArrayList<>(List.of(scalar()));
			while (accept(",")) {
				list.add(scalar());
			}
			expect(")");
			return new Cql.In(left, list, negated);
		}
		if (negated) {
			throw unexpected();
		}
		Token operator = peek();
		if (operator.kind() == Kind.SYMBOL && COMPARISONS.contains(operator.text())) {
			this.next++;
			return new Cql.Comparison(operator.text(), left, scalar());
		}
		throw unexpected();
	}

	private Cql[] twoArguments() {
		expect("(");
		Cql first = scalar();
		expect(",");
		Cql second = scalar();
		expect(")");
		return new Cql[] { first, second };
	}

	private Cql scalar() {
		Token token = peek();
		switch (token.kind()) {
			case STRING -> {
				this.next++;
				return new Cql.Literal(token.text());
			}
			case NUMBER -> {
				this.next++;
				try {
					return new Cql.Literal(new BigDecimal(token.text()));
				}
				catch (NumberFormatException ex) {
					throw new CqlException(
							"'" + token.text() + "' at position " + token.position() + " is not a number");
				}
			}
			case QUOTED_IDENTIFIER -> {
				this.next++;
				return new Cql.Property(token.text());
			}
			case WORD -> {
				return word(token);
			}
			default -> throw unexpected();
		}
	}

	private Cql word(Token token) {
		String upper = token.text().toUpperCase(Locale.ROOT);
		if ("TRUE".equals(upper) || "FALSE".equals(upper)) {
			this.next++;
			return new Cql.Literal(Boolean.valueOf(upper.equals("TRUE")));
		}
		if (WKT_TYPES.contains(upper)) {
			return wkt(token);
		}
		if (peek(1).is("(")) {
			switch (upper) {
				case "BBOX" -> {
					this.next += 2;
					List<BigDecimal> numbers = new ArrayList<>(List.of(number()));
					while (accept(",")) {
						numbers.add(number());
					}
					expect(")");
					return CqlLiterals.bbox(numbers.stream().mapToDouble(BigDecimal::doubleValue).toArray());
				}
				case "DATE", "TIMESTAMP" -> {
					this.next += 2;
					String value = string();
					expect(")");
					return CqlLiterals.instant(upper, value, this.zoneTime);
				}
				case "INTERVAL" -> {
					this.next += 2;
					String start = string();
					expect(",");
					String end = string();
					expect(")");
					return CqlLiterals.interval(start, end, this.zoneTime);
				}
				default ->
					throw new CqlException("unknown function " + token.text() + " at position " + token.position());
			}
		}
		this.next++;
		return new Cql.Property(token.text());
	}

	/**
	 * Cuts the WKT literal out of the filter text up to its closing parenthesis and lets
	 * JTS read it.
	 */
	private Cql wkt(Token keyword) {
		int depth = 0;
		int end = -1;
		this.next++;
		while (end < 0) {
			Token token = peek();
			if (token.kind() == Kind.END) {
				throw new CqlException("unterminated " + keyword.text() + " at position " + keyword.position());
			}
			this.next++;
			if (token.is("(")) {
				depth++;
			}
			else if (token.is(")") && --depth == 0) {
				end = token.position() + 1;
			}
			else if (depth == 0 && token.is("EMPTY")) {
				end = token.position() + token.text().length();
			}
		}
		String wkt = this.text.substring(keyword.position(), end);
		String literal = keyword.text() + " at position " + keyword.position();
		Geometry geometry;
		try {
			geometry = new WKTReader().read(wkt);
		}
		catch (ParseException | IllegalArgumentException ex) {
			throw new CqlException("invalid " + literal + ": " + ex.getMessage());
		}
		requireFullRings(geometry, literal);
		return new Cql.GeometryLiteral(geometry);
	}

	private static void requireFullRings(Geometry geometry, String literal) {
		if (geometry instanceof GeometryCollection collection) {
			for (int g = 0; g < collection.getNumGeometries(); g++) {
				requireFullRings(collection.getGeometryN(g), literal);
			}
		}
		else if (geometry instanceof Polygon polygon) {
			for (int r = 0; r <= polygon.getNumInteriorRing(); r++) {
				LinearRing ring = (r == 0) ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1);
				if (!ring.isEmpty() && ring.getNumPoints() < MINIMUM_RING_POINTS) {
					Coordinate start = ring.getCoordinateN(0);
					throw new CqlException("invalid " + literal + ": the ring starting at " + start.x + " " + start.y
							+ " has " + ring.getNumPoints() + " points, a ring needs at least " + MINIMUM_RING_POINTS);
				}
			}
		}
	}

	private BigDecimal number() {
		Token token = peek();
		if (token.kind() != Kind.NUMBER) {
			throw unexpected();
		}
		this.next++;
		return new BigDecimal(token.text());
	}

	private String string() {
		Token token = peek();
		if (token.kind() != Kind.STRING) {
			throw unexpected();
		}
		this.next++;
		return token.text();
	}

	private Token peek() {
		return peek(0);
	}

	private Token peek(int ahead) {
		return this.tokens.get(Math.min(this.next + ahead, this.tokens.size() - 1));
	}

	private boolean accept(String word) {
		if (peek().is(word)) {
			this.next++;
			return true;
		}
		return false;
	}

	private void expect(String word) {
		if (!accept(word)) {
			throw new CqlException(
					"expected " + word + " at position " + peek().position() + " but found " + describe(peek()));
		}
	}

	private CqlException unexpected() {
		return new CqlException("unexpected " + describe(peek()) + " at position " + peek().position());
	}

	private static String describe(Token token) {
		return (token.kind() == Kind.END) ? "end of filter" : "'" + token.text() + "'";
	}

}
