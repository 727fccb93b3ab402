package cn.zonegis.land;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zonegis.ApiProblem;
import cn.zonegis.security.AuditLog;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves parcels through {@link ParcelLifecycle}, recording who, when and why in
 * parcel_event; the previous version goes to parcel_history. An illegal step is a 409
 * that changes nothing.
 */
@Service
public class ParcelTransitions {

	private final ParcelService parcels;

	private final ParcelRepository rows;

	private final ParcelEventRepository events;

	private final AuditLog audit;

	private final JsonMapper json;

	private final ApplicationEventPublisher publisher;

	ParcelTransitions(ParcelService parcels, ParcelRepository rows, ParcelEventRepository events, AuditLog audit,
			JsonMapper json, ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.parcels = parcels;
		this.rows = rows;
		this.events = events;
		this.audit = audit;
		this.json = json;
	}

	/**
	 * @param expectedVersion the version the client saw (If-Match), or null to skip the
	 * check
	 */
	@Transactional
	@PreAuthorize("hasRole('PLANNER')")
	public ParcelView move(long id, ParcelLifecycle to, String note, Integer expectedVersion) {
		ParcelRepository.Locked current = this.parcels.lockForChange(id, expectedVersion);
		if (!current.status().canMoveTo(to)) {
			throw ApiProblem
				.conflict("illegal-transition", "parcel.transition.illegal", current.code(), current.status().label(),
						to.label())
				.with("from", current.status().code())
				.with("to", to.code())
				.with("allowed", current.status().next().stream().map(ParcelLifecycle::code).toList());
		}
		String user = AuditLog.currentUsername();
		this.rows.archive(id, user);
		this.rows.setStatus(id, to, user);
		this.events.insert(id, current.status(), to, current.version() + 1, note, user);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("from", current.status().code());
		detail.put("to", to.code());
		detail.put("note", note);
		this.audit.record(to.code(), "parcel", id, this.json.writeValueAsString(detail));
		this.publisher.publishEvent(
				new ParcelMoved(id, to, current.version() + 1, user, Instant.now().truncatedTo(ChronoUnit.MICROS)));
		return this.parcels.announce(this.parcels.get(id));
	}

	@Transactional(readOnly = true)
	List<ParcelEventRepository.ParcelEvent> events(long id) {
		this.parcels.get(id);
		return this.events.byParcel(id);
	}

}
