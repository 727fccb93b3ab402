package cn.zonegis.ogc;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.ZoneTime;

/**
 * The query parameters of /items turned into SQL conditions, the output CRS and the page.
 * Every parameter is checked here, at the edge; an unknown one is a 400 (Part 1,
 * /req/core/query-param-unknown).
 *
 * @param where the conditions with their bound values
 * @param crs the CRS of the response
 * @param page the page asked for
 * @param countAll whether numberMatched was asked for (count=exact) even where it costs a
 * count of every match
 */
record ItemsRequest(SqlWhere where, Crs crs, FeatureRepository.Page page, boolean countAll) {

	/**
	 * Reads the parameters of an items request on def; filter compiles the filter
	 * parameters.
	 */
	static ItemsRequest read(CollectionDef def, Map<String, String[]> parameters, OgcProperties limits,
			CrsCatalog crsCatalog, QueryableCatalog queryables, ItemsFilter filter, ZoneTime zoneTime) {
		SqlWhere where = SqlWhere.readableIn(def);
		for (String name : parameters.keySet()) {
			if (!OpenApiDocument.ITEMS_PARAMETERS.contains(name)) {
				Queryable queryable = queryables.of(def).get(name);
				if (queryable == null) {
					throw QueryParameters.unknown(name);
				}
				equal(where, queryable, single(parameters, name), zoneTime);
			}
		}
		Crs bboxCrs = crsCatalog.parse("bbox-crs", single(parameters, "bbox-crs"));
		String bbox = single(parameters, "bbox");
		if (bbox != null) {
			bbox(where, bbox, bboxCrs);
		}
		String datetime = single(parameters, "datetime");
		if (datetime != null) {
			datetime(where, def, datetime, zoneTime);
		}
		filter.apply(def, single(parameters, "filter"), single(parameters, "filter-lang"),
				single(parameters, "filter-crs"), where);
		int limit = Math.min(integer(parameters, "limit", limits.defaultLimit(), 1), limits.maxLimit());
		int offset = integer(parameters, "offset", 0, 0);
		String count = single(parameters, "count");
		if (count != null && !"exact".equals(count)) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.count.value", count).with("parameter", "count");
		}
		return new ItemsRequest(where, crsCatalog.parse("crs", single(parameters, "crs")),
				new FeatureRepository.Page(limit, offset), count != null);
	}

	/** A property=value filter; on an array property, the array contains the value. */
	private static void equal(SqlWhere where, Queryable queryable, String text, ZoneTime zoneTime) {
		String value = where.bind(queryable.valueOf(text, zoneTime));
		where.and((queryable.type() == Queryable.Type.ARRAY) ? value + " = ANY(" + queryable.sql() + ")"
				: queryable.sql() + " = " + value);
	}

	/**
	 * Four or six numbers in the axis order of bbox-crs. Heights are checked like the
	 * other edges, then ignored: the features are flat. In a geographic CRS a west edge
	 * east of the east edge crosses the antimeridian (Part 1): the box is split in two.
	 */
	private static void bbox(SqlWhere where, String text, Crs crs) {
		String[] parts = text.split(",");
		if (parts.length != 4 && parts.length != 6) {
			throw invalidBbox(text);
		}
		double[] numbers = new double[parts.length];
		for (int i = 0; i < parts.length; i++) {
			numbers[i] = number(parts[i], text);
		}
		int half = parts.length / 2;
		double[] low = { numbers[0], numbers[1] };
		double[] high = { numbers[half], numbers[half + 1] };
		boolean heightsReversed = parts.length == 6 && numbers[2] > numbers[5];
		int lon = crs.northFirst() ? 1 : 0;
		boolean crossesAntimeridian = crs.geographic() && low[lon] > high[lon];
		if (heightsReversed || low[1 - lon] > high[1 - lon] || (low[lon] > high[lon] && !crossesAntimeridian)
				|| (crs.geographic() && !onTheGlobe(low, high, crs.northFirst()))) {
			throw ApiProblem.badRequest("invalid-bbox", "problem.bbox.range", "bbox", text).with("parameter", "bbox");
		}
		if (!crossesAntimeridian) {
			where.and(intersects(where, crs, low, high));
			return;
		}
		double[] eastEdge = high.clone();
		eastEdge[lon] = 180;
		double[] westEdge = low.clone();
		westEdge[lon] = -180;
		where.and(intersects(where, crs, low, eastEdge) + " OR " + intersects(where, crs, westEdge, high));
	}

	private static String intersects(SqlWhere where, Crs crs, double[] low, double[] high) {
		String envelope = "ST_MakeEnvelope(" + where.bind(low[0]) + ", " + where.bind(low[1]) + ", "
				+ where.bind(high[0]) + ", " + where.bind(high[1]) + ")";
		return "ST_Intersects(t.geom, " + crs.toStorage(envelope) + ")";
	}

	private static boolean onTheGlobe(double[] low, double[] high, boolean latFirst) {
		int lat = latFirst ? 0 : 1;
		int lon = 1 - lat;
		return Math.abs(low[lat]) <= 90 && Math.abs(high[lat]) <= 90 && Math.abs(low[lon]) <= 180
				&& Math.abs(high[lon]) <= 180;
	}

	/**
	 * An instant or an interval "start/end" with ".." (or nothing) for an open end; a
	 * calendar date as an instant means that whole day.
	 */
	private static void datetime(SqlWhere where, CollectionDef def, String text, ZoneTime zoneTime) {
		if (def.temporalColumn() == null) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.datetime.none", def.id())
				.with("parameter", "datetime");
		}
		String column = "t.\"" + def.temporalColumn() + "\"";
		try {
			String[] ends = text.split("/", -1);
			if (ends.length == 1) {
				ZoneTime.Span at = zoneTime.read(text);
				where.and(at.wholeDay()
						? column + " >= " + where.bind(at.start()) + " AND " + column + " < " + where.bind(at.end())
						: column + " = " + where.bind(at.start()));
			}
			else if (ends.length == 2) {
				if (open(ends[0]) && open(ends[1])) {
					return;
				}
				OffsetDateTime start = open(ends[0]) ? null : zoneTime.read(ends[0]).start();
				ZoneTime.Span end = open(ends[1]) ? null : zoneTime.read(ends[1]);
				if (start != null && end != null && start.isAfter(end.last())) {
					// Answered like the same INTERVAL in a CQL2 filter, not as an empty
					// page.
					throw ApiProblem.badRequest("invalid-parameter", "problem.datetime.reversed", text)
						.with("parameter", "datetime");
				}
				if (start != null) {
					where.and(column + " >= " + where.bind(start));
				}
				if (end != null) {
					where.and(end.wholeDay() ? column + " < " + where.bind(end.end())
							: column + " <= " + where.bind(end.end()));
				}
			}
			else {
				throw new DateTimeParseException(text, text, 0);
			}
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.datetime.format", text)
				.with("parameter", "datetime");
		}
	}

	private static boolean open(String end) {
		return end.isBlank() || "..".equals(end.strip());
	}

	private static int integer(Map<String, String[]> parameters, String name, int absent, int minimum) {
		String text = single(parameters, name);
		if (text == null) {
			return absent;
		}
		try {
			int value = Integer.parseInt(text.strip());
			if (value >= minimum) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below like a value under the minimum
		}
		throw ApiProblem.badRequest("invalid-parameter", "problem.parameter.invalid", name, text)
			.with("parameter", name);
	}

	private static double number(String text, String bbox) {
		try {
			double value = Double.parseDouble(text.strip());
			if (Double.isFinite(value)) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below like a non-finite number
		}
		throw invalidBbox(bbox);
	}

	private static ApiProblem invalidBbox(String text) {
		return ApiProblem.badRequest("invalid-bbox", "problem.bbox.numbers", "bbox", text).with("parameter", "bbox");
	}

	/** A parameter's value; a parameter given twice is a 400. */
	static String single(Map<String, String[]> parameters, String name) {
		String[] values = parameters.get(name);
		if (values == null) {
			return null;
		}
		if (values.length > 1) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.parameter.repeated", name)
				.with("parameter", name);
		}
		return values[0];
	}

}
