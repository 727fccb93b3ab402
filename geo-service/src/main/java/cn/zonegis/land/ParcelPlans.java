package cn.zonegis.land;

import java.util.Arrays;
import java.util.List;

import cn.zonegis.geo.GeoProperties;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parcels in the measuring plane (the configured CGCS2000 Gauss-Kruger CRS), transformed
 * by PostGIS, for documents that are drawn and measured there: the red-line drawing and
 * its boundary-point table.
 */
@Service
public class ParcelPlans {

	private static final String BOUNDARY = """
			SELECT ST_AsBinary(ST_Transform(geom, :srid)) AS wkb FROM zonegis.parcel WHERE id = :id
			""";

	/**
	 * Transform the query box to the stored CRS, never the column, so the GiST index is
	 * used.
	 */
	private static final String NEIGHBOURS = """
			SELECT code, ST_AsBinary(ST_Transform(geom, :srid)) AS wkb
			FROM zonegis.parcel
			WHERE ST_Intersects(geom, ST_Transform(ST_MakeEnvelope(:minE, :minN, :maxE, :maxN, :srid), 4490))
				AND id <> :id AND status NOT IN (:ended)
			ORDER BY code
			""";

	private final ParcelService parcels;

	private final JdbcClient jdbc;

	private final GeoProperties geo;

	ParcelPlans(ParcelService parcels, JdbcClient jdbc, GeoProperties geo) {
		this.parcels = parcels;
		this.jdbc = jdbc;
		this.geo = geo;
	}

	/**
	 * A parcel with its boundary in the measuring CRS (x easting, y northing).
	 *
	 * @param view the parcel as the API shows it, official areas included
	 * @param boundary the stored boundary transformed by PostGIS; empty when the parcel
	 * has no geometry
	 * @param srid the measuring CRS
	 */
	public record ParcelPlan(ParcelView view, Geometry boundary, int srid) {
	}

	/**
	 * A neighbouring active parcel.
	 *
	 * @param code its code, the label on the drawing
	 * @param boundary in the measuring CRS
	 */
	public record Neighbour(String code, Geometry boundary) {
	}

	/** The parcel in the plane; a 404 for an unknown id. */
	@Transactional(readOnly = true)
	public ParcelPlan plan(long id) {
		ParcelView view = this.parcels.get(id);
		byte[] wkb = this.jdbc.sql(BOUNDARY)
			.param("id", id)
			.param("srid", this.geo.measureSrid())
			.query(byte[].class)
			.single();
		return new ParcelPlan(view, read(wkb), this.geo.measureSrid());
	}

	/** Active parcels other than this one that reach into the extent (measuring CRS). */
	@Transactional(readOnly = true)
	public List<Neighbour> neighbours(long id, Envelope extent) {
		return this.jdbc.sql(NEIGHBOURS)
			.param("id", id)
			.param("srid", this.geo.measureSrid())
			.param("minE", extent.getMinX())
			.param("minN", extent.getMinY())
			.param("maxE", extent.getMaxX())
			.param("maxN", extent.getMaxY())
			.param("ended", Arrays.asList(ParcelLifecycle.endedCodes()))
			.query((rs, i) -> new Neighbour(rs.getString("code"), read(rs.getBytes("wkb"))))
			.list();
	}

	static Geometry read(byte[] wkb) {
		try {
			return new WKBReader().read(wkb);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("PostGIS wrote unreadable WKB", ex);
		}
	}

}
