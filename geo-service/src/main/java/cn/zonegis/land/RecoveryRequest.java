package cn.zonegis.land;

import java.time.LocalDate;
import java.util.List;

/**
 * A recovery decision (闲置低效用地收回) on a parcel.
 *
 * @param formerHolder the holder the land is taken back from; the parcel's holder when
 * absent
 * @param landUse one of {@link #LAND_USES}
 * @param reason one of {@link #REASONS}
 * @param legalBasis the law or ruling the decision rests on
 * @param decisionDate the date of the decision
 * @param certificateCancelled whether the land-use certificate was cancelled
 */
public record RecoveryRequest(String formerHolder, String landUse, String reason, String legalBasis,
		LocalDate decisionDate, Boolean certificateCancelled, String note) {

	public static final List<String> LAND_USES = List.of("industrial", "commercial_residential", "commercial",
			"residential", "public", "other");

	public static final List<String> REASONS = List.of("idle", "low_efficiency", "court_ruling", "term_expired",
			"other");

}
