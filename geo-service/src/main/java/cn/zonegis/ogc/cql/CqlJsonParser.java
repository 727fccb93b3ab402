package cn.zonegis.ogc.cql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.zonegis.geo.GeoJsonGeometry;
import cn.zonegis.geo.ZoneTime;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads cql2-json (OGC 21-065) into the same tree as cql2-text. */
public final class CqlJsonParser {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", "<=", ">", ">=");

	private static final GeometryFactory FACTORY = new GeometryFactory();

	private final ZoneTime zoneTime;

	private CqlJsonParser(ZoneTime zoneTime) {
		this.zoneTime = zoneTime;
	}

	/** Parses a CQL2 JSON filter; dates are the zone's days (see {@link ZoneTime}). */
	public static Cql parse(String text, ZoneTime zoneTime) {
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new CqlException("the filter is not JSON: " + ex.getOriginalMessage());
		}
		return new CqlJsonParser(zoneTime).expression(root);
	}

	private Cql expression(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			throw new CqlException("a filter expression is missing");
		}
		if (node.isString()) {
			return new Cql.Literal(node.asString());
		}
		if (node.isNumber()) {
			if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
				throw new CqlException("the number " + node + " is out of range");
			}
			return new Cql.Literal(node.decimalValue());
		}
		if (node.isBoolean()) {
			return new Cql.Literal(node.asBoolean());
		}
		if (!node.isObject()) {
			throw new CqlException("unexpected " + node);
		}
		if (node.has("op")) {
			return operation(string(node.get("op"), "op").toLowerCase(Locale.ROOT), arguments(node));
		}
		if (node.has("property")) {
			return new Cql.Property(string(node.get("property"), "property"));
		}
		if (node.has("date")) {
			return CqlLiterals.instant("DATE", string(node.get("date"), "date"), this.zoneTime);
		}
		if (node.has("timestamp")) {
			return CqlLiterals.instant("TIMESTAMP", string(node.get("timestamp"), "timestamp"), this.zoneTime);
		}
		if (node.has("interval") && node.get("interval").isArray() && node.get("interval").size() == 2) {
			return CqlLiterals.interval(string(node.get("interval").get(0), "interval"),
					string(node.get("interval").get(1), "interval"), this.zoneTime);
		}
		if (node.has("bbox") && node.get("bbox").isArray()) {
			return CqlLiterals.bbox(node.get("bbox").valueStream().mapToDouble(JsonNode::asDouble).toArray());
		}
		if (node.has("type") && (node.has("coordinates") || node.has("geometries"))) {
			return new Cql.GeometryLiteral(geometry(node));
		}
		throw new CqlException("unexpected " + node);
	}

	/**
	 * A member that must be a string: an operator, a property name, a date or an interval
	 * bound (INTERVAL of properties is part of the temporal functions, not offered here).
	 */
	private static String string(JsonNode node, String member) {
		if (node == null || !node.isString()) {
			throw new CqlException("\"" + member + "\" must be a string, got " + node);
		}
		return node.asString();
	}

	private List<Cql> arguments(JsonNode node) {
		JsonNode args = node.get("args");
		if (args == null || !args.isArray()) {
			throw new CqlException("operation " + node.get("op") + " needs an args array");
		}
		List<Cql> list = new ArrayList<>();
		for (JsonNode arg : args) {
			list.add(arg.isArray() ? new Cql.In(null, arg.valueStream().map(this::expression).toList(), false)
					: expression(arg));
		}
		return list;
	}

	private Cql operation(String op, List<Cql> args) {
		if (COMPARISONS.contains(op)) {
			count(op, args, 2);
			return new Cql.Comparison(op, args.get(0), args.get(1));
		}
		switch (op) {
			case "and" -> {
				atLeastTwo(op, args);
				return new Cql.And(args);
			}
			case "or" -> {
				atLeastTwo(op, args);
				return new Cql.Or(args);
			}
			case "not" -> {
				count(op, args, 1);
				return new Cql.Not(args.get(0));
			}
			case "like" -> {
				count(op, args, 2);
				return new Cql.Like(args.get(0), args.get(1), false);
			}
			case "between" -> {
				count(op, args, 3);
				return new Cql.Between(args.get(0), args.get(1), args.get(2), false);
			}
			case "in" -> {
				count(op, args, 2);
				if (!(args.get(1) instanceof Cql.In list)) {
					throw new CqlException("in needs a list as its second argument");
				}
				if (list.list().isEmpty()) {
					throw new CqlException("in needs at least one value in its list");
				}
				return new Cql.In(args.get(0), list.list(), false);
			}
			case "isnull" -> {
				count(op, args, 1);
				return new Cql.IsNull(args.get(0), false);
			}
			default -> {
				return function(op, args);
			}
		}
	}

	private Cql function(String op, List<Cql> args) {
		count(op, args, 2);
		String upper = op.toUpperCase(Locale.ROOT);
		for (Cql.SpatialOperator operator : Cql.SpatialOperator.values()) {
			if (operator.name().equals(upper)) {
				return new Cql.Spatial(operator, args.get(0), args.get(1));
			}
		}
		for (Cql.TemporalOperator operator : Cql.TemporalOperator.values()) {
			if (operator.name().equals(upper)) {
				return new Cql.Temporal(operator, args.get(0), args.get(1));
			}
		}
		throw new CqlException("unknown operation \"" + op + "\"");
	}

	/**
	 * The cql2-json schema's andOrExpression has minItems 2: and of nothing means
	 * nothing.
	 */
	private static void atLeastTwo(String op, List<Cql> args) {
		if (args.size() < 2) {
			throw new CqlException(op + " takes at least 2 arguments, got " + args.size());
		}
	}

	private static void count(String op, List<Cql> args, int expected) {
		if (args.size() != expected) {
			throw new CqlException(op + " takes " + expected + " arguments, got " + args.size());
		}
	}

	/**
	 * A GeoJSON geometry as JTS, coordinates kept in the order written (the filter-crs
	 * says which); a height is accepted and, as in cql2-text, not compared.
	 */
	static Geometry geometry(JsonNode node) {
		string(node.get("type"), "type");
		try {
			return GeoJsonGeometry.read(node, FACTORY, 3);
		}
		catch (GeoJsonGeometry.Malformed ex) {
			throw new CqlException("invalid geometry: " + ex.getMessage());
		}
	}

}
