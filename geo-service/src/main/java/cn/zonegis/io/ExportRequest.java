package cn.zonegis.io;

import java.nio.charset.Charset;

import cn.zonegis.land.ParcelSelection;

/**
 * What to export and how.
 *
 * @param srid the CRS to write (TXT: a CGCS2000 Gauss-Kruger code; KML is always WGS 84),
 * or null for the default: the measuring CRS, lon/lat for GeoJSON
 * @param zonePrefix TXT: write the zone number in front of eastings
 * @param encoding TXT and Shapefile attribute encoding (GBK, UTF-8…), or null for the
 * default
 */
record ExportRequest(FileFormat format, ParcelSelection selection, Integer srid, boolean zonePrefix, String encoding) {

	/**
	 * The TXT's encoding: GBK unless asked otherwise, as the Windows tools surveyors use
	 * expect.
	 */
	Charset txtCharset() {
		Charset named = TextDecoding.named(this.encoding);
		return (named != null) ? named : TextDecoding.GBK;
	}

}
