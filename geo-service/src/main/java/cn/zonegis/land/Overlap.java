package cn.zonegis.land;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Ground a red line shares with an active parcel or with another parcel of the same
 * import.
 *
 * @param parcelId the stored parcel, or null for a parcel of the same import
 * @param code the other parcel's code
 * @param overlapAreaM2 plane area of the overlap in the measuring CRS
 * @param overlap the shared ground as a GeoJSON geometry
 * @param near lon/lat of a point inside the overlap
 */
public record Overlap(Long parcelId, String code, double overlapAreaM2, JsonNode overlap, List<Double> near) {
}
