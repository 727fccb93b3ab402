package cn.zonegis.geo;

import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * A GeoJSON geometry object into JTS, built by jts-io's {@link GeoJsonReader}. The reader
 * takes what it is given: a position [122] becomes 122 0, a fourth number is dropped
 * unseen and a line of one point fails without saying where. So the positions are checked
 * first, and a failure says what is wrong and which position, for the caller to word as
 * its own problem.
 */
public final class GeoJsonGeometry {

	/** How deep the positions of each type lie in its coordinates array. */
	private static final Map<String, Integer> NESTING = Map.of("Point", 0, "MultiPoint", 1, "LineString", 1,
			"MultiLineString", 2, "Polygon", 2, "MultiPolygon", 3);

	private GeoJsonGeometry() {
	}

	/**
	 * @param geometry a GeoJSON geometry object with a string type
	 * @param factory makes the geometries (and sets their SRID)
	 * @param maxOrdinates 2 for plane positions, 3 to accept a height
	 * @throws Malformed naming the position or the reader's reason
	 */
	public static Geometry read(JsonNode geometry, GeometryFactory factory, int maxOrdinates) {
		check(geometry, maxOrdinates);
		try {
			return new GeoJsonReader(factory).read(geometry.toString());
		}
		catch (ParseException ex) {
			String reason = (ex.getCause() != null) ? ex.getMessage() + " " + ex.getCause().getMessage()
					: ex.getMessage();
			throw new Malformed(Defect.UNREADABLE, reason, null, 0);
		}
	}

	private static void check(JsonNode geometry, int maxOrdinates) {
		String type = geometry.path("type").isString() ? geometry.path("type").stringValue() : null;
		if ("GeometryCollection".equals(type)) {
			JsonNode members = geometry.path("geometries");
			if (!members.isArray()) {
				throw new Malformed(Defect.UNREADABLE, "a GeometryCollection needs a geometries array", null, 0);
			}
			for (JsonNode member : members) {
				if (!member.isObject()) {
					throw new Malformed(Defect.UNREADABLE, "a GeometryCollection holds geometries, not " + member, null,
							0);
				}
				check(member, maxOrdinates);
			}
			return;
		}
		Integer nesting = NESTING.get(type);
		if (nesting == null) {
			throw new Malformed(Defect.UNREADABLE, "unsupported geometry type " + geometry.path("type"), null, 0);
		}
		int minPoints = switch (type) {
			case "LineString", "MultiLineString" -> 2;
			case "Polygon", "MultiPolygon" -> 4;
			default -> 0;
		};
		positions(geometry.path("coordinates"), nesting, 1, minPoints, maxOrdinates);
	}

	/**
	 * @param index the node's 1-based number in its list, for the message
	 * @param minPoints the fewest positions a list of positions (a line or ring) needs
	 */
	private static void positions(JsonNode node, int nesting, int index, int minPoints, int maxOrdinates) {
		if (nesting == 0) {
			position(node, index, maxOrdinates);
			return;
		}
		if (!node.isArray()) {
			throw new Malformed(Defect.NOT_A_POSITION, "coordinates must be arrays, got " + node, node, index);
		}
		if (nesting == 1 && node.size() < minPoints) {
			throw new Malformed(Defect.TOO_FEW_POINTS, "a line needs " + minPoints + " positions, got " + node.size(),
					node, minPoints);
		}
		for (int i = 0; i < node.size(); i++) {
			positions(node.get(i), nesting - 1, i + 1, minPoints, maxOrdinates);
		}
	}

	private static void position(JsonNode position, int index, int maxOrdinates) {
		if (!position.isArray() || position.size() < 2) {
			throw new Malformed(Defect.NOT_A_POSITION, "a position must be [x, y], got " + position, position, index);
		}
		for (JsonNode ordinate : position) {
			if (!ordinate.isNumber() || !Double.isFinite(ordinate.doubleValue())) {
				throw new Malformed(Defect.NOT_A_POSITION, "a position must be [x, y], got " + position, position,
						index);
			}
		}
		if (position.size() > maxOrdinates) {
			throw new Malformed(Defect.TOO_MANY_ORDINATES,
					"a position has at most " + maxOrdinates + " numbers, got " + position, position, index);
		}
	}

	/** What can be wrong with a GeoJSON geometry before it is a geometry at all. */
	public enum Defect {

		/** Not an array of finite numbers at least two long. */
		NOT_A_POSITION,
		/** A height or measure where only plane positions are taken. */
		TOO_MANY_ORDINATES,
		/** A line or ring with fewer positions than it needs. */
		TOO_FEW_POINTS,
		/** An unknown type, a missing member or a shape JTS cannot build. */
		UNREADABLE

	}

	/**
	 * A geometry that could not be read: the defect, an English reason, and the position
	 * (with its number in its list) or, for {@link Defect#TOO_FEW_POINTS}, the line and
	 * the fewest positions it needs.
	 */
	public static final class Malformed extends RuntimeException {

		private final Defect defect;

		private final transient JsonNode node;

		private final int number;

		Malformed(Defect defect, String reason, JsonNode node, int number) {
			super(reason);
			this.defect = defect;
			this.node = node;
			this.number = number;
		}

		public Defect defect() {
			return this.defect;
		}

		/** The position (or line) at fault, or null. */
		public JsonNode node() {
			return this.node;
		}

		/**
		 * The position's 1-based number in its line, or the fewest positions a line
		 * needs.
		 */
		public int number() {
			return this.number;
		}

	}

}
