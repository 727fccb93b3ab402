package cn.zonegis.land;

import java.math.BigDecimal;
import java.util.List;

/**
 * The land inside one expansion zone, for the office's overview: the parcels that lie in
 * it or across it, cancelled ones not counted, with the plane area inside the zone.
 *
 * @param parcels how many parcels lie in or across the zone
 * @param areaMu their area inside the zone in the measuring CRS, 亩, to two decimals
 * @param byStatus the same per lifecycle state, every state a parcel can be held in
 */
public record ZoneLandStats(long zoneId, String code, String name, long parcels, BigDecimal areaMu,
		List<ParcelStatusStats> byStatus) {
}
