package cn.zonegis.land;

import java.util.Map;

/**
 * Why a draft parcel would be refused, worded as the real write would word it.
 *
 * @param type problem type slug (invalid-geometry, red-line-overlap, duplicate-code…)
 * @param detail the message in the caller's language
 * @param properties the facts (defect, location, conflictingParcels…)
 */
public record DraftProblem(String type, String detail, Map<String, Object> properties) {
}
