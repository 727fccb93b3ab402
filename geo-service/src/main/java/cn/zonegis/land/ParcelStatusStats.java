package cn.zonegis.land;

import java.math.BigDecimal;

/**
 * Parcels in one lifecycle state: how many and their official area in 亩, for the office's
 * overview.
 *
 * @param status a {@link ParcelLifecycle} code
 * @param parcels how many parcels are in it
 * @param areaMu their plane area in the measuring CRS, 亩, to two decimals
 */
public record ParcelStatusStats(String status, long parcels, BigDecimal areaMu) {
}
