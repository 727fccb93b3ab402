package cn.zonegis.security;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.ZoneTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/audit: administrators read who changed what, by object, user and date. There is no
 * endpoint that changes or deletes an entry, and the table refuses it too (V2 migration).
 */
@RestController
class AuditController {

	private static final int MAX_LIMIT = 1000;

	private final AuditLog audit;

	private final ZoneTime zoneTime;

	AuditController(AuditLog audit, ZoneTime zoneTime) {
		this.audit = audit;
		this.zoneTime = zoneTime;
	}

	/**
	 * @param entity the table of the object (parcel, road, work_order, api_token…)
	 * @param entityId the object's id; needs entity
	 * @param user who made the change
	 * @param from first day included (YYYY-MM-DD)
	 * @param to last day included (YYYY-MM-DD)
	 */
	@GetMapping("/api/audit")
	List<AuditEntry> search(@RequestParam(required = false) String entity,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
		if (entityId != null && entity == null) {
			throw ApiProblem.badRequest("missing-parameter", "problem.audit.entityIdWithoutEntity")
				.with("parameter", "entity");
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.audit.range", from, to).with("parameter", "to");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.audit.limit", MAX_LIMIT)
				.with("parameter", "limit");
		}
		if (offset < 0) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.parameter.invalid", "offset", offset)
				.with("parameter", "offset");
		}
		return this.audit.search(entity, entityId, user, (from == null) ? null : this.zoneTime.day(from).start(),
				(to == null) ? null : this.zoneTime.day(to).end(), limit, offset);
	}

}
