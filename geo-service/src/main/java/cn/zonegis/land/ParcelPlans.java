package cn.zonegis.land;

import java.util.List;

import cn.zonegis.geo.GeoProperties;
import cn.zonegis.geo.Wkb;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Parcels in the measuring plane (the configured CGCS2000 Gauss-Kruger CRS), transformed
 * by PostGIS, for documents that are drawn and measured there: the red-line drawing and
 * its boundary-point table.
 */
@Service
public class ParcelPlans {

	private final ParcelService parcels;

	private final ParcelPlanRepository rows;

	private final GeoProperties geo;

	ParcelPlans(ParcelService parcels, ParcelPlanRepository rows, GeoProperties geo) {
		this.parcels = parcels;
		this.rows = rows;
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
		byte[] wkb = this.rows.boundary(id, this.geo.measureSrid());
		return new ParcelPlan(view, Wkb.read(wkb), this.geo.measureSrid());
	}

	/** Active parcels other than this one that reach into the extent (measuring CRS). */
	@Transactional(readOnly = true)
	public List<Neighbour> neighbours(long id, Envelope extent) {
		return this.rows.neighbours(id, extent, this.geo.measureSrid());
	}

}
