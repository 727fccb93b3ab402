package cn.zonegis.geo;

import java.util.Locale;
import java.util.Set;

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

	/** The types a point or line column can take, a single line lifted to a multi. */
	private static final Set<String> READABLE_TYPES = Set.of("Point", "LineString", "MultiLineString");

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
		if (!READABLE_TYPES.contains(type)) {
			throw wrongType(type, expectedType);
		}
		Geometry parsed;
		try {
			parsed = GeoJsonGeometry.read(geometry, FACTORY, 2);
		}
		catch (GeoJsonGeometry.Malformed ex) {
			throw problem(ex);
		}
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

	private static ApiProblem problem(GeoJsonGeometry.Malformed malformed) {
		return switch (malformed.defect()) {
			// Assets are kept in plane lon/lat: a height or measure would be dropped
			// unseen.
			case TOO_MANY_ORDINATES -> ApiProblem
				.unprocessable("invalid-geometry", "problem.geometry.dimensions", malformed.number(),
						malformed.node().toString(), malformed.node().size())
				.with("defect", "too-many-dimensions")
				.with("position", malformed.number());
			case TOO_FEW_POINTS ->
				ApiProblem.unprocessable("invalid-geometry", "problem.geometry.tooFewPoints", malformed.number());
			case NOT_A_POSITION -> ApiProblem.badRequest("invalid-geometry", "problem.geometry.position",
					String.valueOf(malformed.node()));
			case UNREADABLE ->
				ApiProblem.badRequest("invalid-geometry", "problem.geometry.unreadable", malformed.getMessage());
		};
	}

	private static String format(Coordinate c) {
		return String.format(Locale.ROOT, "%.7f %.7f", c.x, c.y);
	}

}
