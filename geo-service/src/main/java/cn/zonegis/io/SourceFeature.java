package cn.zonegis.io;

import java.util.List;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * One feature of an imported file, mapped to parcel attributes and transformed to
 * EPSG:4490, with what reading it found wrong.
 *
 * @param index position in the file, from 0
 * @param surveyedAreaM2 the area the surveyor wrote, or null
 * @param note the note the file gives the parcel, or null to keep the stored one
 * @param version the version of the parcel a ZoneGIS export wrote, or null
 * @param geometry the boundary in EPSG:4490, or null when it could not be read
 * @param planeAreaM2 the area in the file's own plane CRS (TXT), or null
 * @param problems what refuses the feature
 * @param warnings what the planner should look at, refusing nothing
 * @param repairs what was changed in the boundary as written, because the request allowed
 * it
 */
record SourceFeature(int index, String code, String name, String landUse, String landClassCode, String holder,
		Double surveyedAreaM2, String note, Integer version, MultiPolygon geometry, Double planeAreaM2,
		List<ImportIssue> problems, List<ImportIssue> warnings, List<ImportIssue> repairs) {
}
