package cn.zonegis.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Repairs an invalid boundary with PostGIS ST_MakeValid, only when the planner asked for
 * it ({@code repair=true}), and reports what the repair changed.
 */
@Component
public class GeometryRepair {

	private static final String MAKE_VALID = """
			WITH g AS (SELECT ST_GeomFromWKB(:wkb, {storageSrid}) AS before),
			r AS (SELECT before, ST_Multi(ST_CollectionExtract(ST_MakeValid(before), 3)) AS after FROM g)
			SELECT ST_AsBinary(after) AS wkb,
				ST_Area(ST_Transform(before, {measureSrid})) AS before_m2,
				ST_Area(ST_Transform(after, {measureSrid})) AS after_m2,
				ST_NumGeometries(before) AS parts_before, ST_NumGeometries(after) AS parts_after
			FROM r
			""";

	private final JdbcClient jdbc;

	private final SridSql srids;

	GeometryRepair(JdbcClient jdbc, SridSql srids) {
		this.jdbc = jdbc;
		this.srids = srids;
	}

	/** The repaired boundary and what changed; a 422 when nothing polygonal is left. */
	public Repaired repair(MultiPolygon polygons, GeometryDefect defect) {
		Repaired repaired = this.jdbc.sql(this.srids.render(MAKE_VALID))
			.param("wkb", wkb(polygons))
			.query((rs, i) -> new Repaired(read(rs.getBytes("wkb")),
					new RepairReport(defect.defect(), round(rs.getDouble("before_m2")), round(rs.getDouble("after_m2")),
							rs.getInt("parts_before"), rs.getInt("parts_after"))))
			.single();
		if (repaired.geometry().isEmpty()) {
			throw GeometryCheck.problem("repair.empty");
		}
		return repaired;
	}

	/** Geometry as WKB for PostGIS (2D; the SRID is given in SQL). */
	public static byte[] wkb(Geometry geometry) {
		return new WKBWriter(2).write(geometry);
	}

	/** A PostGIS polygonal WKB as a JTS multipolygon in EPSG:4490. */
	public static MultiPolygon read(byte[] wkb) {
		try {
			Geometry geometry = new WKBReader(GeometryCheck.factory()).read(wkb);
			return (geometry instanceof MultiPolygon multi) ? multi
					: GeometryCheck.factory().createMultiPolygon(new Polygon[] { (Polygon) geometry });
		}
		catch (ParseException ex) {
			throw new IllegalStateException("PostGIS returned unreadable WKB", ex);
		}
	}

	/** Centimetre² precision, as the bureau reports areas. */
	public static double round(double areaM2) {
		return Math.round(areaM2 * 100) / 100.0;
	}

	/** A repaired boundary and its report. */
	public record Repaired(MultiPolygon geometry, RepairReport report) {
	}

	/**
	 * What {@code repair=true} changed.
	 *
	 * @param defect the defect that was repaired
	 * @param areaBeforeM2 plane area of the invalid boundary as drawn
	 * @param areaAfterM2 plane area after repair
	 * @param partsBefore polygons before
	 * @param partsAfter polygons after
	 */
	public record RepairReport(String defect, double areaBeforeM2, double areaAfterM2, int partsBefore,
			int partsAfter) {
	}

}
