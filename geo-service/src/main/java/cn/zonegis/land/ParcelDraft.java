package cn.zonegis.land;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * A parcel as drawn, typed or imported, before any rule ran.
 *
 * @param code parcel number (地块编号), unique
 * @param name parcel name
 * @param landUse land use (industrial, commercial…)
 * @param landClassCode land classification code (地类编码)
 * @param holder land holder
 * @param surveyedAreaM2 area stated by the surveyor, kept beside the computed one, or
 * null
 * @param geometry the red line in EPSG:4490 lon/lat (SRID 4490)
 */
public record ParcelDraft(String code, String name, String landUse, String landClassCode, String holder,
		Double surveyedAreaM2, MultiPolygon geometry) {
}
