package cn.zonegis.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The boundary points (界址点) of a parcel in the measuring plane, as the point table lists
 * them: each ring clockwise, starting at its north-west-most vertex, numbered J1…Jn
 * across the rings (outer ring of each part, then its holes).
 */
public final class BoundaryPoints {

	private BoundaryPoints() {
	}

	/**
	 * One boundary point.
	 *
	 * @param name J1, J2…
	 * @param ring 1 for the first ring, 2… for the holes and further parts (圈号)
	 * @param northing X in Chinese surveying, metres
	 * @param easting Y in Chinese surveying, metres
	 * @param edgeM the length of the edge to the next point of the ring, metres
	 */
	public record Point(String name, int ring, double northing, double easting, double edgeM) {
	}

	/** The points of a polygon or multipolygon whose x is easting and y northing. */
	public static List<Point> of(Geometry plane) {
		List<Point> points = new ArrayList<>();
		int ring = 0;
		for (int part = 0; part < plane.getNumGeometries(); part++) {
			Polygon polygon = (Polygon) plane.getGeometryN(part);
			ring = add(points, polygon.getExteriorRing(), ++ring);
			for (int hole = 0; hole < polygon.getNumInteriorRing(); hole++) {
				ring = add(points, polygon.getInteriorRingN(hole), ++ring);
			}
		}
		return points;
	}

	private static int add(List<Point> points, LinearRing ring, int number) {
		Coordinate[] open = Arrays.copyOf(ring.getCoordinates(), ring.getNumPoints() - 1);
		if (Orientation.isCCW(ring.getCoordinateSequence())) {
			Collections.reverse(Arrays.asList(open));
		}
		int start = 0;
		for (int i = 1; i < open.length; i++) {
			if (northWestness(open[i]) > northWestness(open[start])) {
				start = i;
			}
		}
		for (int k = 0; k < open.length; k++) {
			Coordinate here = open[(start + k) % open.length];
			Coordinate next = open[(start + k + 1) % open.length];
			points.add(new Point("J" + (points.size() + 1), number, here.y, here.x, here.distance(next)));
		}
		return number;
	}

	/** How far a point lies towards the north-west: northing minus easting. */
	private static double northWestness(Coordinate c) {
		return c.y - c.x;
	}

}
