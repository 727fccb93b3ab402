package cn.zonegis.ogc;

import cn.zonegis.geo.Srid;

/**
 * A coordinate reference system offered by OGC API - Features Part 2, with the axis order
 * its authority defines: EPSG's geographic CRSs are latitude first, CRS84 is longitude
 * first, and the CGCS2000 Gauss-Krüger CRSs (EPSG:4491–4554) are northing first.
 *
 * @param uri the OGC URI clients name it by
 * @param srid the PostGIS SRID
 * @param northFirst true when the first axis points north (PostGIS always stores east
 * first)
 * @param geographic true for degrees, false for metres
 */
public record Crs(String uri, int srid, boolean northFirst, boolean geographic) {

	public static final Crs CRS84 = new Crs("http://www.opengis.net/def/crs/OGC/1.3/CRS84", Srid.WGS84, false, true);

	public static final Crs CGCS2000 = epsg(Srid.CGCS2000);

	/**
	 * The stored coordinates as they are, longitude first: what /api and the map read.
	 */
	public static final Crs STORED_LON_LAT = new Crs(CGCS2000.uri(), Srid.CGCS2000, false, true);

	private static final String EPSG_PREFIX = "http://www.opengis.net/def/crs/EPSG/0/";

	/**
	 * Gauss-Krüger zones and central meridians of CGCS2000, whose EPSG axes are X north,
	 * Y east.
	 */
	private static final int FIRST_CGCS2000_GAUSS_KRUGER = 4491;

	private static final int LAST_CGCS2000_GAUSS_KRUGER = 4554;

	/**
	 * Geographic CRSs known here by their SRID; every other EPSG code is treated as
	 * projected.
	 */
	private static boolean isGeographic(int srid) {
		return srid == Srid.WGS84 || srid == Srid.CGCS2000;
	}

	public static Crs epsg(int srid) {
		boolean geographic = isGeographic(srid);
		boolean gaussKruger = srid >= FIRST_CGCS2000_GAUSS_KRUGER && srid <= LAST_CGCS2000_GAUSS_KRUGER;
		return new Crs(EPSG_PREFIX + srid, srid, geographic || gaussKruger, geographic);
	}

	/** Decimals written in GeoJSON: about 1 cm in degrees, 0.1 mm in metres. */
	public int decimals() {
		return this.geographic ? 7 : 4;
	}

	/** The SQL that turns a stored geometry expression into this CRS and axis order. */
	public String fromStorage(String geometry) {
		String transformed = (this.srid == Srid.CGCS2000) ? geometry
				: "ST_Transform(" + geometry + ", " + this.srid + ")";
		return this.northFirst ? "ST_FlipCoordinates(" + transformed + ")" : transformed;
	}

	/**
	 * The SQL that turns a geometry expression written in this CRS and axis order
	 * (without an SRID) into the storage CRS: the query shape is transformed, never the
	 * stored column.
	 */
	public String toStorage(String geometry) {
		String eastFirst = this.northFirst ? "ST_FlipCoordinates(" + geometry + ")" : geometry;
		String located = "ST_SetSRID(" + eastFirst + ", " + this.srid + ")";
		return (this.srid == Srid.CGCS2000) ? located : "ST_Transform(" + located + ", " + Srid.CGCS2000 + ")";
	}

	/** The header value of Content-Crs: the URI in angle brackets. */
	public String header() {
		return "<" + this.uri + ">";
	}

}
