package cn.zonegis.land;

import java.math.BigDecimal;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * A stored parcel with its geometry in Java, for exporters that write coordinates
 * themselves.
 *
 * @param areaM2 plane area in the measuring CRS
 * @param geometry the red line, EPSG:4490 lon/lat
 */
public record ParcelRecord(long id, String code, String name, String landUse, String landClassCode, String holder,
		String status, BigDecimal surveyedAreaM2, String note, int version, double areaM2, MultiPolygon geometry) {
}
