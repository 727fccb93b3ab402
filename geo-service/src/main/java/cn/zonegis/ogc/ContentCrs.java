package cn.zonegis.ogc;

import java.util.ArrayList;
import java.util.List;

import cn.zonegis.geo.Srid;
import cn.zonegis.geo.SridSql;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Content-Crs of a Part 4 write (Part 2): a body in any offered CRS, in that CRS's
 * own axis order, becomes the longitude-first EPSG:4490 GeoJSON the writers read. Only
 * the coordinates change; the geometry's structure is left exactly as sent, so the
 * writer's own checks still name what is wrong with it.
 */
@Component
class ContentCrs {

	/**
	 * Each point moved on its own, in the order given: the transform of a point does not
	 * depend on the shape it belongs to.
	 */
	private static final String TRANSFORM = SridSql.storage("""
			SELECT ST_X(p) AS x, ST_Y(p) AS y
			FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(c.x, c.y), :srid), {storageSrid}) AS p, c.n
				FROM unnest(CAST(:xs AS float8[]), CAST(:ys AS float8[])) WITH ORDINALITY AS c(x, y, n)) t
			ORDER BY n
			""");

	private final CrsCatalog catalog;

	private final JdbcClient jdbc;

	ContentCrs(CrsCatalog catalog, JdbcClient jdbc) {
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	/**
	 * The CRS a Content-Crs header names: the URI in angle brackets as Part 2 writes it,
	 * or bare as QGIS sends it; CRS84 when absent.
	 */
	Crs parse(String header) {
		if (header == null || header.isBlank()) {
			return Crs.CRS84;
		}
		String uri = header.strip();
		if (uri.startsWith("<") && uri.endsWith(">")) {
			uri = uri.substring(1, uri.length() - 1).strip();
		}
		return this.catalog.parse("Content-Crs", uri);
	}

	/**
	 * The feature (or merge patch) with its geometry's coordinates in EPSG:4490
	 * longitude, latitude; the same node when it already is.
	 */
	JsonNode toStorage(JsonNode body, String header) {
		Crs crs = parse(header);
		JsonNode geometry = body.path("geometry");
		// CRS84 is taken as it is, as before: within centimetres of CGCS2000.
		boolean longitudeFirstDegrees = crs.geographic() && !crs.northFirst();
		if (!geometry.isObject() || longitudeFirstDegrees) {
			return body;
		}
		ObjectNode moved = (ObjectNode) body.deepCopy();
		List<ArrayNode> positions = new ArrayList<>();
		collectPositions(moved.path("geometry"), positions);
		double[] xs = new double[positions.size()];
		double[] ys = new double[positions.size()];
		// PostGIS stores east first; a north-first CRS sends north first.
		int east = crs.northFirst() ? 1 : 0;
		for (int i = 0; i < xs.length; i++) {
			xs[i] = positions.get(i).get(east).asDouble();
			ys[i] = positions.get(i).get(1 - east).asDouble();
		}
		if (crs.srid() == Srid.CGCS2000) {
			write(positions, xs, ys);
			return moved;
		}
		List<double[]> transformed = this.jdbc.sql(TRANSFORM)
			.param("srid", crs.srid())
			.param("xs", xs)
			.param("ys", ys)
			.query((rs, row) -> new double[] { rs.getDouble("x"), rs.getDouble("y") })
			.list();
		for (int i = 0; i < xs.length; i++) {
			xs[i] = transformed.get(i)[0];
			ys[i] = transformed.get(i)[1];
		}
		write(positions, xs, ys);
		return moved;
	}

	private static void write(List<ArrayNode> positions, double[] xs, double[] ys) {
		for (int i = 0; i < xs.length; i++) {
			positions.get(i).set(0, xs[i]);
			positions.get(i).set(1, ys[i]);
		}
	}

	/**
	 * Every position (an array of at least two numbers) under a geometry's coordinates or
	 * geometries; anything else is left for the writer to refuse.
	 */
	private static void collectPositions(JsonNode geometry, List<ArrayNode> positions) {
		collectArrays(geometry.path("coordinates"), positions);
		for (JsonNode member : geometry.path("geometries")) {
			collectPositions(member, positions);
		}
	}

	private static void collectArrays(JsonNode node, List<ArrayNode> positions) {
		if (!node.isArray()) {
			return;
		}
		if (node.size() >= 2 && node.get(0).isNumber() && node.get(1).isNumber()) {
			positions.add((ArrayNode) node);
			return;
		}
		for (JsonNode child : node) {
			collectArrays(child, positions);
		}
	}

}
