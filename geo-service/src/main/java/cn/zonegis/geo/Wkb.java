package cn.zonegis.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/** Geometry PostGIS wrote as WKB ({@code ST_AsBinary}), read into JTS. */
public final class Wkb {

	private Wkb() {
	}

	/** The geometry, in the CRS the query wrote it in. */
	public static Geometry read(byte[] wkb) {
		try {
			return new WKBReader().read(wkb);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("PostGIS wrote unreadable WKB", ex);
		}
	}

}
