package cn.zonegis.land;

import java.util.List;
import java.util.Map;

import cn.zonegis.ApiProblem;
import cn.zonegis.InputRules;
import cn.zonegis.security.AuditLog;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recovers idle and low-efficiency land (闲置低效用地收回): the recovery record keeps the
 * parcel's boundary of that moment and the parcel moves to recovered, in one transaction.
 */
@Service
public class LandRecoveryService {

	private final ParcelService parcels;

	private final ParcelTransitions transitions;

	private final LandRecoveryRepository recoveries;

	private final AuditLog audit;

	private final JsonMapper json;

	LandRecoveryService(ParcelService parcels, ParcelTransitions transitions, LandRecoveryRepository recoveries,
			AuditLog audit, JsonMapper json) {
		this.parcels = parcels;
		this.transitions = transitions;
		this.recoveries = recoveries;
		this.audit = audit;
		this.json = json;
	}

	/**
	 * @return the recovered parcel; its recovery is the newest entry of the register for
	 * it
	 */
	@Transactional
	@PreAuthorize("hasRole('PLANNER')")
	public ParcelView recover(long parcelId, RecoveryRequest request, Integer expectedVersion) {
		requireOneOf("landUse", request.landUse(), RecoveryRequest.LAND_USES);
		requireOneOf("reason", request.reason(), RecoveryRequest.REASONS);
		if (request.decisionDate() == null) {
			throw ApiProblem.badRequest("invalid-recovery", "recovery.decision-date.required")
				.with("property", "decisionDate");
		}
		String formerHolder = (request.formerHolder() == null || request.formerHolder().isEmpty())
				? this.parcels.get(parcelId).properties().holder() : request.formerHolder();
		if (formerHolder == null) {
			throw ApiProblem.badRequest("invalid-recovery", "recovery.former-holder.required")
				.with("property", "formerHolder");
		}
		InputRules.refuseBlanksAround("invalid-recovery", "formerHolder", formerHolder);
		ParcelView recovered = this.transitions.move(parcelId, ParcelLifecycle.RECOVERED, request.note(),
				expectedVersion);
		long id = this.recoveries.insert(parcelId, request, formerHolder, AuditLog.currentUsername());
		this.audit.record("create", "land_recovery", id, this.json
			.writeValueAsString(Map.of("parcelCode", recovered.properties().code(), "reason", request.reason())));
		return recovered;
	}

	/** The register as a GeoJSON FeatureCollection, newest decision first. */
	@Transactional(readOnly = true)
	public String register(Integer year, String reason, String landUse) {
		return this.recoveries.register(filter(year, reason, landUse));
	}

	@Transactional(readOnly = true)
	public List<LandRecoveryRepository.RecoveryStats> stats(Integer year, String reason, String landUse) {
		return this.recoveries.stats(filter(year, reason, landUse));
	}

	private static RecoveryFilter filter(Integer year, String reason, String landUse) {
		if (reason != null) {
			requireOneOf("reason", reason, RecoveryRequest.REASONS);
		}
		if (landUse != null) {
			requireOneOf("landUse", landUse, RecoveryRequest.LAND_USES);
		}
		if (year != null && (year < 1949 || year > 2100)) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.parameter.invalid", "year", year.toString())
				.with("parameter", "year");
		}
		return new RecoveryFilter(year, reason, landUse);
	}

	private static void requireOneOf(String name, String value, List<String> allowed) {
		if (value == null || !allowed.contains(value)) {
			throw ApiProblem
				.badRequest("invalid-recovery", "recovery.value.allowed", name, String.valueOf(value),
						String.join(", ", allowed))
				.with("property", name)
				.with("allowed", allowed);
		}
	}

}
