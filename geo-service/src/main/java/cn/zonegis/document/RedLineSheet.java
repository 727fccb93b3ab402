package cn.zonegis.document;

import java.time.Instant;
import java.util.List;

import cn.zonegis.land.ParcelPlans.Neighbour;
import cn.zonegis.land.ParcelPlans.ParcelPlan;
import org.locationtech.jts.geom.Geometry;

/**
 * Everything one red-line drawing shows.
 *
 * @param plan the parcel and its boundary in the measuring CRS
 * @param neighbours active parcels around it
 * @param roads roads around it with their names
 * @param drawingNumber 图号
 * @param issuedAt the issue (or preview) time: the date printed and the PDF's dates
 * @param drafter who made the drawing (制图)
 * @param office the issuing office (出图单位)
 * @param issued true for an issued drawing, false for a preview
 */
record RedLineSheet(ParcelPlan plan, List<Neighbour> neighbours, List<Road> roads, String drawingNumber,
		Instant issuedAt, String drafter, String office, boolean issued) {

	/** A road in the measuring CRS with its name, or null. */
	record Road(String name, Geometry line) {
	}

}
