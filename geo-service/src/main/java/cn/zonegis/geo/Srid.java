package cn.zonegis.geo;

/** Spatial reference identifiers ZoneGIS names in code. */
public final class Srid {

	/** CGCS2000 geographic, lon/lat: every stored geometry. */
	public static final int CGCS2000 = 4490;

	/** WGS 84 geographic. */
	public static final int WGS84 = 4326;

	/** Web Mercator, the tile grid. */
	public static final int WEB_MERCATOR = 3857;

	private Srid() {
	}

}
