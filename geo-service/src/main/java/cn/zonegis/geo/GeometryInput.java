package cn.zonegis.geo;

import java.util.Locale;

import cn.zonegis.ApiProblem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.databind.JsonNode;

/**
 * How a GeoJSON point or line enters ZoneGIS (assets, work orders, project locations):
 * parsed into JTS (lon/lat, EPSG:4490), checked for its type, for every coordinate inside
 * the zone's extent and with {@link IsValidOp}. Nothing is repaired: a problem names the
 * coordinate so the planner can fix it. Boundaries (polygons) go through
 * {@link GeometryCheck}, which names the part and ring.
 */
public final class GeometryInput {

	private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), Srid.CGCS2000);

	private GeometryInput() {
	}

	/**
	 * @param geometry a GeoJSON geometry object
	 * @param expectedType the column's type (Point, LineString, MultiLineString); a
	 * single line is accepted for a MultiLineString and wrapped, which changes no
	 * coordinate
	 * @param extent the zone's extent; coordinates outside it are refused
	 * @return the checked geometry with SRID 4490
	 */
	public static Geometry read(JsonNode geometry, String expectedType, BBox extent) {
		if (geometry == null || !geometry.isObject() || !geometry.path("type").isString()) {
			throw ApiProblem.badRequest("invalid-geometry", "problem.geometry.missing")
				.with("expectedType", expectedType);
		}
		String type = geometry.path("type").stringValue();
		Geometry parsed = switch (type) {
			case "Point" -> FACTORY.createPoint(coordinate(geometry.path("coordinates")));
			case "LineString" -> line(geometry.path("coordinates"));
			case "MultiLineString" -> FACTORY.createMultiLineString(array(geometry.path("coordinates")).valueStream()
				.map(GeometryInput::line)
				.toArray(LineString[]::new));
			default -> throw wrongType(type, expectedType);
		};
		Geometry typed = lift(parsed, expectedType);
		for (Coordinate c : typed.getCoordinates()) {
			if (!extent.contains(c.x, c.y)) {
				throw ApiProblem
					.unprocessable("geometry-outside-zone", "problem.geometry.outside", format(c), extent.minLon(),
							extent.minLat(), extent.maxLon(), extent.maxLat())
					.with("location", new double[] { c.x, c.y });
			}
		}
		TopologyValidationError error = new IsValidOp(typed).getValidationError();
		if (error != null) {
			Coordinate at = error.getCoordinate();
			throw ApiProblem
				.unprocessable("invalid-geometry", "problem.geometry.invalid", error.getMessage(), format(at))
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

	private static Coordinate[] coordinates(JsonNode positions) {
		JsonNode array = array(positions);
		Coordinate[] coordinates = new Coordinate[array.size()];
		for (int i = 0; i < coordinates.length; i++) {
			coordinates[i] = coordinate(array.get(i), i + 1);
		}
		return coordinates;
	}

	private static Coordinate coordinate(JsonNode position) {
		return coordinate(position, 1);
	}

	/**
	 * @param index the position's 1-based number in its line, for the message
	 */
	private static Coordinate coordinate(JsonNode position, int index) {
		if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()
				|| !Double.isFinite(position.get(0).doubleValue()) || !Double.isFinite(position.get(1).doubleValue())) {
			throw ApiProblem.badRequest("invalid-geometry", "problem.geometry.position", String.valueOf(position));
		}
		if (position.size() > 2) {
			// Assets are kept in plane lon/lat: a height or measure would be dropped
			// unseen.
			throw ApiProblem
				.unprocessable("invalid-geometry", "problem.geometry.dimensions", index, position.toString(),
						position.size())
				.with("defect", "too-many-dimensions")
				.with("position", index);
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
