package cn.zonegis.land;

import java.time.Instant;

/**
 * Published inside the transaction that moves a parcel through its lifecycle, so that
 * what a step brings with it (the red-line drawing of 用地红线图出具) commits or fails with the
 * step.
 *
 * @param parcelId the parcel
 * @param to the status it moved to
 * @param version the parcel's version after the step
 * @param user who took the step
 * @param at when
 */
public record ParcelMoved(long parcelId, ParcelLifecycle to, int version, String user, Instant at) {
}
