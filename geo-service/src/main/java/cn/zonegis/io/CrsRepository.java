package cn.zonegis.io;

import java.util.List;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.GeoProperties;
import cn.zonegis.geo.SridSql;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The CRS work PROJ does for imports and exports, through PostGIS: ST_Transform, never a
 * home-made projection.
 */
@Repository
class CrsRepository {

	/**
	 * The zone extent, densified so its edges stay true after projection, in another CRS.
	 */
	private static final String EXTENT_IN = SridSql.storage("""
			SELECT ST_AsBinary(ST_Transform(
				ST_Segmentize(ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, {storageSrid}), 0.001), :srid))
			""");

	private static final String TRANSFORM = """
			SELECT ST_AsBinary(ST_Transform(ST_GeomFromWKB(:wkb, :srid), :targetSrid))
			""";

	/** One row per hex WKB, in the order given; a null geometry gives a null row. */
	private static final String PREVIEWS = """
			SELECT ST_Area(ST_Transform(g, {measureSrid})) AS area_m2, ST_AsGeoJSON(g, 7, 0) AS geometry
			FROM unnest(CAST(:wkb AS text[])) WITH ORDINALITY AS u(wkb, n),
				LATERAL (SELECT ST_GeomFromWKB(decode(u.wkb, 'hex'), {storageSrid}) AS g) s
			ORDER BY u.n
			""";

	private static final String KNOWN_SRID = """
			SELECT count(*) FROM spatial_ref_sys WHERE srid = :srid
			""";

	private final JdbcClient jdbc;

	private final GeoProperties geo;

	private final SridSql srids;

	CrsRepository(JdbcClient jdbc, GeoProperties geo, SridSql srids) {
		this.jdbc = jdbc;
		this.geo = geo;
		this.srids = srids;
	}

	/** Refuses, with a 422 naming it, an EPSG code PostGIS does not know. */
	void requireKnownSrid(int srid) {
		if (this.jdbc.sql(KNOWN_SRID).param("srid", srid).query(Long.class).single() == 0) {
			throw ApiProblem.unprocessable("unknown-crs", "io.crs.unknown", srid).with("parameter", "srid");
		}
	}

	/**
	 * The zone extent as a polygon in srid, to test surveyed points where they were
	 * measured.
	 */
	Geometry extentIn(int srid) {
		BBox box = this.geo.extentBox();
		byte[] wkb = this.jdbc.sql(EXTENT_IN)
			.param("minLon", box.minLon())
			.param("minLat", box.minLat())
			.param("maxLon", box.maxLon())
			.param("maxLat", box.maxLat())
			.param("srid", srid)
			.query(byte[].class)
			.single();
		return read(wkb, srid);
	}

	/** The polygon transformed from its own CRS (its SRID) to targetSrid. */
	MultiPolygon transform(MultiPolygon polygon, int targetSrid) {
		try {
			byte[] wkb = this.jdbc.sql(TRANSFORM)
				.param("wkb", new WKBWriter().write(polygon))
				.param("srid", polygon.getSRID())
				.param("targetSrid", targetSrid)
				.query(byte[].class)
				.single();
			return (MultiPolygon) read(wkb, targetSrid);
		}
		catch (DataAccessException ex) {
			throw ApiProblem.unprocessable("unknown-crs", "io.crs.transform", polygon.getSRID());
		}
	}

	/**
	 * Official plane area in the measuring Gauss-Kruger CRS and the GeoJSON PostGIS
	 * writes, for a preview of each boundary (null for a null boundary), in one
	 * statement.
	 */
	List<Preview> previews(List<MultiPolygon> storage) {
		String[] wkb = storage.stream()
			.map((g) -> (g == null) ? null : WKBWriter.toHex(new WKBWriter().write(g)))
			.toArray(String[]::new);
		return this.jdbc.sql(this.srids.render(PREVIEWS))
			.param("wkb", wkb)
			.query((rs, i) -> (rs.getString("geometry") == null) ? null
					: new Preview(rs.getDouble("area_m2"), rs.getString("geometry")))
			.list();
	}

	record Preview(double areaM2, String geometry) {
	}

	private static Geometry read(byte[] wkb, int srid) {
		try {
			return new WKBReader(new GeometryFactory(new PrecisionModel(), srid)).read(wkb);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("PostGIS returned unreadable WKB", ex);
		}
	}

}
