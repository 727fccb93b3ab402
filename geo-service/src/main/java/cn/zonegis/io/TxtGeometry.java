package cn.zonegis.io;

import java.util.ArrayList;
import java.util.List;

import cn.zonegis.ApiProblem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Turns a TXT parcel's rings into a polygon in its plane CRS (x = easting, y = northing)
 * and measures it. Ring 1 is the outer ring and a later ring inside an outer ring is its
 * hole; an open ring, or one outside every outer ring, is reported for the surveyor to
 * allow or correct.
 */
public final class TxtGeometry {

	private TxtGeometry() {
	}

	/**
	 * The parcel as a MultiPolygon in srid, and every change its rings needed to make
	 * one: an open ring closed with its first point, a ring outside every earlier outer
	 * ring made another part. The caller decides whether the surveyor allowed these
	 * changes.
	 */
	static Built build(TxtFile.Parcel parcel, int srid) {
		GeometryFactory factory = new GeometryFactory(new PrecisionModel(), srid);
		List<LinearRing> shells = new ArrayList<>();
		List<List<LinearRing>> holes = new ArrayList<>();
		List<RingRepair> repairs = new ArrayList<>();
		for (TxtFile.Ring ring : parcel.rings()) {
			if (!ring.isClosed()) {
				repairs.add(new RingRepair(RingRepair.CLOSED, ring.number(), ring.points().get(0).name(), 0));
			}
			LinearRing linear = factory.createLinearRing(closed(ring));
			int owner = shells.isEmpty() ? -1 : containing(factory, shells, linear);
			if (owner < 0) {
				shells.add(linear);
				holes.add(new ArrayList<>());
				if (shells.size() > 1) {
					repairs.add(new RingRepair(RingRepair.AS_PART, ring.number(), ring.points().get(0).name(),
							shells.size()));
				}
			}
			else {
				holes.get(owner).add(linear);
			}
		}
		Polygon[] polygons = new Polygon[shells.size()];
		for (int i = 0; i < polygons.length; i++) {
			polygons[i] = factory.createPolygon(shells.get(i), holes.get(i).toArray(LinearRing[]::new));
		}
		return new Built(factory.createMultiPolygon(polygons), repairs);
	}

	/** A parcel's boundary in its plane CRS, with the changes its rings needed. */
	record Built(MultiPolygon geometry, List<RingRepair> repairs) {
	}

	/**
	 * One change to a ring as the surveyor wrote it.
	 *
	 * @param kind {@link #CLOSED} or {@link #AS_PART}
	 * @param ring the ring number (圈号)
	 * @param firstPoint the name of the ring's first point
	 * @param part for AS_PART, the part the ring became (from 1)
	 */
	record RingRepair(String kind, int ring, String firstPoint, int part) {

		/** An open ring closed by repeating its first point. */
		static final String CLOSED = "ring-closed";

		/**
		 * A ring outside every earlier outer ring, so not a hole, made another part of
		 * the parcel.
		 */
		static final String AS_PART = "ring-as-part";

	}

	/**
	 * The rings of a polygon in the published order: each part's outer ring, then its
	 * holes, numbered 1, 2… across the parcel, points J1, J2… with each ring closed by
	 * repeating its first point.
	 */
	public static List<TxtFile.Ring> toRings(MultiPolygon multi) {
		List<TxtFile.Ring> rings = new ArrayList<>();
		int[] pointNo = { 0 };
		for (int i = 0; i < multi.getNumGeometries(); i++) {
			Polygon polygon = (Polygon) multi.getGeometryN(i);
			rings.add(ring(rings.size() + 1, polygon.getExteriorRing().getCoordinates(), pointNo));
			for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
				rings.add(ring(rings.size() + 1, polygon.getInteriorRingN(h).getCoordinates(), pointNo));
			}
		}
		return rings;
	}

	private static TxtFile.Ring ring(int number, Coordinate[] coordinates, int[] pointNo) {
		List<TxtFile.Point> points = new ArrayList<>();
		String first = null;
		for (int i = 0; i < coordinates.length; i++) {
			boolean closing = i == coordinates.length - 1;
			String name = closing ? first : "J" + (++pointNo[0]);
			first = (i == 0) ? name : first;
			points.add(new TxtFile.Point(name, coordinates[i].y, coordinates[i].x));
		}
		return new TxtFile.Ring(number, points);
	}

	private static Coordinate[] closed(TxtFile.Ring ring) {
		List<Coordinate> coordinates = new ArrayList<>();
		ring.points().forEach((p) -> coordinates.add(new Coordinate(p.easting(), p.northing())));
		if (!ring.isClosed()) {
			coordinates.add(coordinates.get(0).copy());
		}
		if (coordinates.size() < 4) {
			throw ApiProblem.unprocessable("invalid-geometry", "io.txt.ring-too-short", ring.number(),
					ring.points().get(0).name());
		}
		return coordinates.toArray(Coordinate[]::new);
	}

	private static int containing(GeometryFactory factory, List<LinearRing> shells, LinearRing ring) {
		for (int i = 0; i < shells.size(); i++) {
			if (factory.createPolygon(shells.get(i)).covers(ring)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Plane area in m², shells minus holes. Each ring is summed relative to its first
	 * vertex: eight-digit eastings squared would lose square centimetres in a double.
	 */
	public static double planeAreaM2(MultiPolygon multi) {
		double area = 0;
		for (int i = 0; i < multi.getNumGeometries(); i++) {
			Polygon polygon = (Polygon) multi.getGeometryN(i);
			area += Math.abs(shoelace(polygon.getExteriorRing().getCoordinates()));
			for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
				area -= Math.abs(shoelace(polygon.getInteriorRingN(h).getCoordinates()));
			}
		}
		return area;
	}

	private static double shoelace(Coordinate[] ring) {
		double x0 = ring[0].x;
		double y0 = ring[0].y;
		double sum = 0;
		for (int i = 0; i < ring.length - 1; i++) {
			double x1 = ring[i].x - x0;
			double y1 = ring[i].y - y0;
			double x2 = ring[i + 1].x - x0;
			double y2 = ring[i + 1].y - y0;
			sum += x1 * y2 - x2 * y1;
		}
		return sum / 2;
	}

	/** Perimeter in m, for the area tolerance a coordinate precision allows. */
	static double perimeterM(MultiPolygon multi) {
		return multi.getBoundary().getLength();
	}

}
