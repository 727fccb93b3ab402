package cn.zonegis.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.zonegis.ApiProblem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The gate every boundary passes before any rule: GeoJSON Polygon or MultiPolygon in
 * lon/lat (EPSG:4490), rings of four or more points, closed, inside the zone extent, and
 * valid by JTS {@link IsValidOp}. Each refusal names the defect, the part and ring, and
 * the coordinate.
 */
@Component
public class GeometryCheck {

	/**
	 * CRS names GeoJSON clients send for lon/lat on CGCS2000 or WGS 84, which differ by
	 * centimetres here.
	 */
	private static final Pattern ACCEPTED_CRS = Pattern.compile("(?i).*(CRS84|EPSG(:|::|/0/|/)(4490|4326))$");

	/** A coordinate this close (in degrees, about 0.1 mm) to a ring lies on it. */
	private static final double ON_RING = 1e-9;

	private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), Srid.CGCS2000);

	private final BBox extent;

	@Autowired
	public GeometryCheck(GeoProperties geo) {
		this(geo.extentBox());
	}

	public GeometryCheck(BBox extent) {
		this.extent = extent;
	}

	public static GeometryFactory factory() {
		return FACTORY;
	}

	/**
	 * Reads a GeoJSON geometry and refuses it, with a 422, unless it passes every check.
	 */
	public MultiPolygon parse(JsonNode geometry) {
		MultiPolygon polygons = read(geometry);
		validate(polygons).ifPresent((defect) -> {
			throw defect.toProblem();
		});
		return polygons;
	}

	/**
	 * Reads a GeoJSON geometry checking its shape only (type, CRS, ring sizes, closure,
	 * extent), so that a topology defect can still be shown or repaired.
	 */
	public MultiPolygon read(JsonNode geometry) {
		if (geometry == null || !geometry.isObject()) {
			throw GeometryDefect.of("missing", null, null, null).toProblem();
		}
		checkCrs(geometry.get("crs"));
		String type = geometry.path("type").asString("");
		JsonNode coordinates = geometry.get("coordinates");
		List<List<List<Coordinate>>> parts = new ArrayList<>();
		if ("Polygon".equals(type)) {
			parts.add(rings(coordinates, 1));
		}
		else if ("MultiPolygon".equals(type)) {
			requireArray(coordinates, null, null);
			for (int p = 0; p < coordinates.size(); p++) {
				parts.add(rings(coordinates.get(p), p + 1));
			}
		}
		else {
			throw GeometryDefect.of("unsupported-type", null, null, null, type).toProblem();
		}
		return polygons(parts);
	}

	/**
	 * Refuses a {@code crs} member naming anything but lon/lat CGCS2000, WGS 84 or CRS84.
	 */
	public void checkCrs(JsonNode crs) {
		if (crs == null || crs.isNull()) {
			return;
		}
		String name = crs.path("properties").path("name").asString("");
		if (!ACCEPTED_CRS.matcher(name.trim()).matches()) {
			throw GeometryDefect.of("unsupported-crs", null, null, null, name.isEmpty() ? crs.toString() : name)
				.toProblem();
		}
	}

	/**
	 * Builds a multipolygon from rings of lon/lat coordinates (parts, then rings with the
	 * outer ring first), refusing too few points, open rings and coordinates outside the
	 * zone.
	 */
	public MultiPolygon polygons(List<List<List<Coordinate>>> parts) {
		if (parts.isEmpty()) {
			throw GeometryDefect.of("empty", null, null, null).toProblem();
		}
		Polygon[] polygons = new Polygon[parts.size()];
		for (int p = 0; p < parts.size(); p++) {
			List<List<Coordinate>> rings = parts.get(p);
			if (rings.isEmpty()) {
				throw GeometryDefect.of("empty", p + 1, null, null).toProblem();
			}
			LinearRing[] linearRings = new LinearRing[rings.size()];
			for (int r = 0; r < rings.size(); r++) {
				linearRings[r] = ring(rings.get(r), p + 1, r + 1);
			}
			polygons[p] = FACTORY.createPolygon(linearRings[0], Arrays.copyOfRange(linearRings, 1, linearRings.length));
		}
		return FACTORY.createMultiPolygon(polygons);
	}

	/** The first defect of a parsed boundary: outside the zone, or invalid by JTS. */
	public Optional<GeometryDefect> validate(MultiPolygon polygons) {
		if (polygons.isEmpty()) {
			return Optional.of(GeometryDefect.of("empty", null, null, null));
		}
		for (int p = 0; p < polygons.getNumGeometries(); p++) {
			Polygon polygon = (Polygon) polygons.getGeometryN(p);
			for (int r = 0; r <= polygon.getNumInteriorRing(); r++) {
				LinearRing ring = (r == 0) ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1);
				for (Coordinate c : ring.getCoordinates()) {
					Optional<GeometryDefect> outside = outsideExtent(c, p + 1, r + 1);
					if (outside.isPresent()) {
						return outside;
					}
				}
			}
		}
		TopologyValidationError error = new IsValidOp(polygons).getValidationError();
		return Optional.ofNullable(error).map((e) -> topologyDefect(polygons, e));
	}

	private List<List<Coordinate>> rings(JsonNode rings, int part) {
		requireArray(rings, part, null);
		List<List<Coordinate>> result = new ArrayList<>();
		for (int r = 0; r < rings.size(); r++) {
			JsonNode ring = rings.get(r);
			requireArray(ring, part, r + 1);
			List<Coordinate> coordinates = new ArrayList<>();
			for (JsonNode position : ring) {
				if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
						|| !position.get(1).isNumber()) {
					throw GeometryDefect.of("malformed", part, r + 1, null).toProblem();
				}
				if (position.size() > 2) {
					// A red line is drawn on the plane: a height or measure would be
					// dropped unseen.
					int index = coordinates.size() + 1;
					throw GeometryDefect
						.of("too-many-dimensions", part, r + 1, null, index, position.toString(), position.size())
						.toProblem()
						.with("position", index);
				}
				coordinates.add(new Coordinate(position.get(0).asDouble(), position.get(1).asDouble()));
			}
			result.add(coordinates);
		}
		return result;
	}

	private static void requireArray(JsonNode node, Integer part, Integer ring) {
		if (node == null || !node.isArray()) {
			throw GeometryDefect.of("malformed", part, ring, null).toProblem();
		}
	}

	private LinearRing ring(List<Coordinate> coordinates, int part, int ring) {
		for (Coordinate c : coordinates) {
			if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
				throw GeometryDefect.of("invalid-coordinate", part, ring, null).toProblem();
			}
			outsideExtent(c, part, ring).ifPresent((defect) -> {
				throw defect.toProblem();
			});
		}
		if (coordinates.size() < 4) {
			double[] at = coordinates.isEmpty() ? null : lonLat(coordinates.get(0));
			throw GeometryDefect.of("too-few-points", part, ring, at, coordinates.size()).toProblem();
		}
		Coordinate first = coordinates.get(0);
		Coordinate last = coordinates.get(coordinates.size() - 1);
		if (!first.equals2D(last)) {
			throw GeometryDefect
				.of("ring-not-closed", part, ring, lonLat(last), GeometryDefect.format(first.x),
						GeometryDefect.format(first.y))
				.toProblem();
		}
		return FACTORY.createLinearRing(coordinates.toArray(Coordinate[]::new));
	}

	private Optional<GeometryDefect> outsideExtent(Coordinate c, int part, int ring) {
		if (this.extent.contains(c.x, c.y)) {
			return Optional.empty();
		}
		String zone = this.extent.minLon() + "," + this.extent.minLat() + "," + this.extent.maxLon() + ","
				+ this.extent.maxLat();
		// Surveyed X is northing: a file read with X as easting lands here, so say so.
		String defect = this.extent.contains(c.y, c.x) ? "swapped-axes" : "outside-extent";
		return Optional.of(GeometryDefect.of(defect, part, ring, lonLat(c), zone));
	}

	private static GeometryDefect topologyDefect(MultiPolygon polygons, TopologyValidationError error) {
		Coordinate at = error.getCoordinate();
		List<int[]> rings = ringsThrough(polygons, at);
		int[] first = rings.isEmpty() ? new int[] { 1, 1 } : rings.get(0);
		String defect = switch (error.getErrorType()) {
			case TopologyValidationError.SELF_INTERSECTION -> (rings.size() > 1) ? "rings-cross" : "self-intersection";
			case TopologyValidationError.RING_SELF_INTERSECTION -> "ring-self-intersection";
			case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "hole-outside-shell";
			case TopologyValidationError.NESTED_HOLES -> "nested-holes";
			case TopologyValidationError.DISCONNECTED_INTERIOR -> "disconnected-interior";
			case TopologyValidationError.NESTED_SHELLS -> "nested-shells";
			case TopologyValidationError.DUPLICATE_RINGS -> "duplicate-rings";
			case TopologyValidationError.TOO_FEW_POINTS -> "too-few-points";
			case TopologyValidationError.RING_NOT_CLOSED -> "ring-not-closed";
			default -> "invalid";
		};
		if ("rings-cross".equals(defect)) {
			int[] second = rings.get(1);
			return GeometryDefect.of(defect, first[0], first[1], lonLat(at), second[0], second[1]);
		}
		return GeometryDefect.of(defect, first[0], first[1], lonLat(at));
	}

	/** Part and ring numbers (1-based) of every ring passing through the coordinate. */
	private static List<int[]> ringsThrough(MultiPolygon polygons, Coordinate at) {
		List<int[]> found = new ArrayList<>();
		Point point = FACTORY.createPoint(at);
		for (int p = 0; p < polygons.getNumGeometries(); p++) {
			Polygon polygon = (Polygon) polygons.getGeometryN(p);
			for (int r = 0; r <= polygon.getNumInteriorRing(); r++) {
				Geometry ring = (r == 0) ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1);
				if (ring.distance(point) < ON_RING) {
					found.add(new int[] { p + 1, r + 1 });
				}
			}
		}
		return found;
	}

	private static double[] lonLat(Coordinate c) {
		return new double[] { c.x, c.y };
	}

	/**
	 * An unprocessable geometry that is not a defect of the shape itself, such as an
	 * empty clip result.
	 */
	public static ApiProblem problem(String defect, Object... args) {
		return GeometryDefect.of(defect, null, null, null, args).toProblem();
	}

}
