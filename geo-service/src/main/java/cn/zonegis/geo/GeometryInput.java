package cn.zonegis.geo;

import java.util.Locale;

import cn.zonegis.ApiProblem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.databind.JsonNode;

/**
 * The one way a GeoJSON geometry enters ZoneGIS: parsed into JTS (lon/lat, EPSG:4490), checked for
 * its type, for every coordinate inside the zone's extent and with {@link IsValidOp}. Nothing is
 * repaired: a problem names the part and the coordinate so the planner can fix it.
 */
public final class GeometryInput {

	private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), Srid.CGCS2000);

	private GeometryInput() {
	}

	/**
	 * @param geometry a GeoJSON geometry object
	 * @param expectedType the column's type (Point, LineString, MultiLineString, Polygon, MultiPolygon); a
	 * single part is accepted for its Multi type and wrapped, which changes no coordinate
	 * @param extent the zone's extent; coordinates outside it are refused
	 * @return the checked geometry with SRID 4490
	 */
	public static Geometry read(JsonNode geometry, String expectedType, BBox extent) {
		if (geometry == null || !geometry.isObject() || !geometry.path("type").isString()) {
			throw ApiProblem.badRequest("invalid-geometry", "problem.geometry.missing").with("expectedType", expectedType);
		}
		String type = geometry.path("type").stringValue();
		Geometry parsed = switch (type) {
			case "Point" -> FACTORY.createPoint(coordinate(geometry.path("coordinates")));
			case "LineString" -> line(geometry.path("coordinates"));
			case "MultiLineString" -> FACTORY.createMultiLineString(array(geometry.path("coordinates"))
				.valueStream().map(GeometryInput::line).toArray(LineString[]::new));
			case "Polygon" -> polygon(geometry.path("coordinates"));
			case "MultiPolygon" -> FACTORY.createMultiPolygon(array(geometry.path("coordinates"))
				.valueStream().map(GeometryInput::polygon).toArray(Polygon[]::new));
			default -> throw wrongType(type, expectedType);
		};
		Geometry typed = lift(parsed, expectedType);
		for (Coordinate c : typed.getCoordinates()) {
			if (!extent.contains(c.x, c.y)) {
				throw ApiProblem.unprocessable("geometry-outside-zone", "problem.geometry.outside", format(c),
						extent.minLon(), extent.minLat(), extent.maxLon(), extent.maxLat())
					.with("location", new double[] { c.x, c.y });
			}
		}
		TopologyValidationError error = new IsValidOp(typed).getValidationError();
		if (error != null) {
			Coordinate at = error.getCoordinate();
			throw ApiProblem.unprocessable("invalid-geometry", "problem.geometry.invalid", error.getMessage(), format(at))
				.with("location", new double[] { at.x, at.y });
		}
		typed.setSRID(Srid.CGCS2000);
		return typed;
	}

	/** Extended WKB with SRID 4490, for binding to {@code ST_GeomFromEWKB(:geom)}. */
	public static byte[] toEwkb(Geometry geometry) {
		return new WKBWriter(2, true).write(geometry);
	}

	private static Geometry lift(Geometry parsed, String expectedType) {
		String type = parsed.getGeometryType();
		if (type.equals(expectedType)) {
			return parsed;
		}
		if (("Multi" + type).equals(expectedType) && parsed instanceof LineString line) {
			return FACTORY.createMultiLineString(new LineString[] { line });
		}
		if (("Multi" + type).equals(expectedType) && parsed instanceof Polygon polygon) {
			return FACTORY.createMultiPolygon(new Polygon[] { polygon });
		}
		throw wrongType(type, expectedType);
	}

	private static ApiProblem wrongType(String type, String expectedType) {
		return ApiProblem.unprocessable("wrong-geometry-type", "problem.geometry.type", type, expectedType)
			.with("expectedType", expectedType);
	}

	private static LineString line(JsonNode coordinates) {
		Coordinate[] points = coordinates(coordinates);
		if (points.length < 2) {
			throw ApiProblem.unprocessable("invalid-geometry", "problem.geometry.tooFewPoints", 2);
		}
		return FACTORY.createLineString(points);
	}

	private static Polygon polygon(JsonNode rings) {
		LinearRing[] parsed = array(rings).valueStream().map((ring) -> {
			Coordinate[] points = coordinates(ring);
			if (points.length < 4 || !points[0].equals2D(points[points.length - 1])) {
				throw ApiProblem.unprocessable("invalid-geometry", "problem.geometry.ringNotClosed",
						format(points.length == 0 ? new Coordinate() : points[0]));
			}
			return FACTORY.createLinearRing(points);
		}).toArray(LinearRing[]::new);
		if (parsed.length == 0) {
			throw ApiProblem.unprocessable("invalid-geometry", "problem.geometry.tooFewPoints", 4);
		}
		LinearRing[] holes = new LinearRing[parsed.length - 1];
		System.arraycopy(parsed, 1, holes, 0, holes.length);
		return FACTORY.createPolygon(parsed[0], holes);
	}

	private static Coordinate[] coordinates(JsonNode positions) {
		return array(positions).valueStream().map(GeometryInput::coordinate).toArray(Coordinate[]::new);
	}

	private static Coordinate coordinate(JsonNode position) {
		if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()
				|| !Double.isFinite(position.get(0).doubleValue()) || !Double.isFinite(position.get(1).doubleValue())) {
			throw ApiProblem.badRequest("invalid-geometry", "problem.geometry.position", String.valueOf(position));
		}
		return new Coordinate(position.get(0).doubleValue(), position.get(1).doubleValue());
	}

	private static JsonNode array(JsonNode node) {
		if (!node.isArray()) {
			throw ApiProblem.badRequest("invalid-geometry", "problem.geometry.position", String.valueOf(node));
		}
		return node;
	}

	private static String format(Coordinate c) {
		return String.format(Locale.ROOT, "%.7f %.7f", c.x, c.y);
	}

}
