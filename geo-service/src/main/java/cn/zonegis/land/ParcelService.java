package cn.zonegis.land;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import cn.zonegis.ApiProblem;
import cn.zonegis.ETag;
import cn.zonegis.InputLimits;
import cn.zonegis.InputRules;
import cn.zonegis.events.Audience;
import cn.zonegis.events.ChangeEvents;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.GeometryCheck;
import cn.zonegis.geo.GeometryDefect;
import cn.zonegis.security.AuditLog;
import cn.zonegis.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws and redraws parcel red lines (用地红线): every write passes {@link RedLineCheck},
 * keeps the previous version in parcel_history and is audited in the same transaction.
 * Files of parcels are checked and stored as sets by {@link ParcelBatches}.
 */
@Service
public class ParcelService {

	private final ParcelRepository parcels;

	private final ParcelStreams streams;

	private final RedLineCheck redLines;

	private final GeometryCheck geometry;

	private final AuditLog audit;

	private final JsonMapper json;

	private final MessageSource messages;

	private final ChangeEvents changes;

	private final InputLimits limits;

	ParcelService(ParcelRepository parcels, ParcelStreams streams, RedLineCheck redLines, GeometryCheck geometry,
			AuditLog audit, JsonMapper json, MessageSource messages, ChangeEvents changes, InputLimits limits) {
		this.changes = changes;
		this.limits = limits;
		this.parcels = parcels;
		this.streams = streams;
		this.redLines = redLines;
		this.geometry = geometry;
		this.audit = audit;
		this.json = json;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	public ParcelView get(long id) {
		return this.parcels.find(id).orElseThrow(() -> unknown(id));
	}

	/** The stored version: which one an If-Match list naming several matches. */
	@Transactional(readOnly = true)
	public int version(long id) {
		return get(id).properties().version();
	}

	/**
	 * Count and area in 亩 of the parcels in each lifecycle state, every state listed in
	 * lifecycle order, an empty one with zeros.
	 */
	@Transactional(readOnly = true)
	public List<ParcelStatusStats> statusStats() {
		Map<String, ParcelStatusStats> found = new HashMap<>();
		for (ParcelStatusStats stats : this.parcels.statusStats()) {
			found.put(stats.status(), stats);
		}
		return Arrays.stream(ParcelLifecycle.values())
			.map((status) -> found.getOrDefault(status.code(),
					new ParcelStatusStats(status.code(), 0, BigDecimal.ZERO)))
			.toList();
	}

	/** The id of the parcel with this code, if there is one (an import may update it). */
	@Transactional(readOnly = true)
	public Optional<Long> findIdByCode(String code) {
		return this.parcels.idByCode(code);
	}

	/**
	 * @param properties the feature's properties as sent: a read-only one (status, an
	 * area) must be what the new parcel publishes
	 */
	@Transactional
	@PreAuthorize("hasRole('PLANNER')")
	public ParcelView create(ParcelDraft draft, String note, JsonNode properties, EditOptions options) {
		ParcelView created = create(draft, note, options, ParcelLifecycle.PLANNED);
		InputRules.refuseChanged(properties, ParcelFeatures.READ_ONLY, published(created));
		return created;
	}

	/**
	 * A new parcel that starts at a later status: a piece of a split keeps its
	 * original's.
	 */
	@Transactional
	@PreAuthorize("hasRole('PLANNER')")
	public ParcelView create(ParcelDraft draft, String note, EditOptions options, ParcelLifecycle status) {
		RedLineCheck.Checked checked = checkForWrite(draft, RedLineCheck.NEW_PARCEL, options);
		String user = AuditLog.currentUsername();
		long id = this.parcels.insert(draft, note, checked.geometry(), status, user);
		this.audit.record("create", "parcel", id, detail(draft.code(), 1, checked));
		return announce(get(id)).withReports(checked.repair(), checked.clip());
	}

	/**
	 * Replaces a parcel's boundary and attributes; the previous version goes to
	 * parcel_history.
	 * @param properties the feature's properties as sent: a read-only one (status, an
	 * area) must be what the stored parcel published, which a GIS client sends back
	 * beside its edits, or what the saved one publishes
	 * @param expectedVersion the version the client edited (If-Match), or null to skip
	 * the check
	 */
	@Transactional
	@PreAuthorize("hasRole('PLANNER')")
	public ParcelView replace(long id, ParcelDraft draft, String note, JsonNode properties, Integer expectedVersion,
			EditOptions options) {
		ParcelRepository.Locked current = lockForChange(id, expectedVersion);
		if (!current.status().isActive()) {
			throw ApiProblem.conflict("parcel-ended", "parcel.ended", current.code(), current.status().label());
		}
		RedLineCheck.Checked checked = checkForWrite(draft, id, options);
		JsonNode stored = published(get(id));
		String user = AuditLog.currentUsername();
		this.parcels.archive(id, user);
		this.parcels.update(id, draft, note, checked.geometry(), user);
		this.audit.record("update", "parcel", id, detail(draft.code(), current.version() + 1, checked));
		ParcelView saved = get(id);
		InputRules.refuseChanged(properties, ParcelFeatures.READ_ONLY, published(saved), stored);
		return announce(saved).withReports(checked.repair(), checked.clip());
	}

	/**
	 * Everything that would refuse this new parcel, without storing anything: a missing
	 * or used code, geometry defects, overlaps with active parcels. The editor's check
	 * before saving; a file's drafts are checked as a set by {@link ParcelBatches}.
	 */
	@Transactional(readOnly = true)
	public List<DraftProblem> checkDraft(ParcelDraft draft) {
		List<DraftProblem> problems = new ArrayList<>();
		try {
			requireCode(draft.code());
		}
		catch (ApiProblem problem) {
			problems.add(DraftProblem.of(problem, this.messages));
		}
		Optional<Long> existing = (draft.code() == null) ? Optional.empty() : this.parcels.idByCode(draft.code());
		existing.ifPresent((id) -> problems.add(DraftProblem.of(
				ApiProblem.conflict("parcel-exists", "parcel.code.exists", draft.code()).with("parcelId", id),
				this.messages)));
		Optional<GeometryDefect> defect = this.geometry.validate(draft.geometry());
		if (defect.isPresent()) {
			problems.add(DraftProblem.of(defect.get().toProblem(), this.messages));
			return problems;
		}
		List<Overlap> overlaps = this.redLines.overlaps(draft.geometry(), existing.orElse(RedLineCheck.NEW_PARCEL));
		if (!overlaps.isEmpty()) {
			problems.add(DraftProblem.of(this.redLines.overlapProblem(overlaps), this.messages));
		}
		return problems;
	}

	/**
	 * Writes the selected parcels as a GeoJSON FeatureCollection (EPSG:4490 lon/lat),
	 * streamed.
	 */
	@Transactional(readOnly = true)
	public void exportSelection(ParcelSelection selection, OutputStream out) {
		this.streams.writeSelection(selection, out);
	}

	/** Hands each selected parcel, with its JTS geometry (SRID 4490), to the sink. */
	@Transactional(readOnly = true)
	public void exportSelection(ParcelSelection selection, Consumer<ParcelRecord> sink) {
		this.streams.forEachSelected(selection, sink);
	}

	/**
	 * Writes the parcels as they stood at the instant as a FeatureCollection, streamed.
	 */
	@Transactional(readOnly = true)
	public void writeAsOf(OffsetDateTime at, BBox bbox, OutputStream out) {
		this.streams.writeAsOf(at, bbox, out);
	}

	/** Every version of the parcel as a FeatureCollection, newest first. */
	@Transactional(readOnly = true)
	public String history(long id) {
		get(id);
		return this.streams.history(id);
	}

	/**
	 * Queues this transaction behind every other parcel write until it ends, so the
	 * red-line checks it runs next still hold when it commits. Every parcel write takes
	 * it before any row lock: one order for all, so no two writers can deadlock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void holdRedLines() {
		this.parcels.holdRedLines();
	}

	/** Locks the parcel, refusing an unknown id (404) or a stale version (412). */
	ParcelRepository.Locked lockForChange(long id, Integer expectedVersion) {
		holdRedLines();
		ParcelRepository.Locked current = this.parcels.lock(id).orElseThrow(() -> unknown(id));
		ETag.requireCurrent(expectedVersion, current.version(), "parcel.stale", current.code());
		return current;
	}

	/**
	 * Tells the other planners' maps that the parcel changed, in the transaction that
	 * changes it.
	 */
	ParcelView announce(ParcelView parcel) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("code", parcel.properties().code());
		data.put("status", parcel.properties().status());
		data.put("version", parcel.properties().version());
		this.changes.publish("parcel.changed", parcel.id(), data, Audience.of(Role.PLANNER));
		return parcel;
	}

	/**
	 * The properties as a read publishes them; a refusal after the write rolls it back.
	 */
	private JsonNode published(ParcelView parcel) {
		return this.json.valueToTree(parcel.properties());
	}

	static ApiProblem unknown(long id) {
		return ApiProblem.notFound("parcel.unknown", id);
	}

	private RedLineCheck.Checked checkForWrite(ParcelDraft draft, long id, EditOptions options) {
		holdRedLines();
		requireCode(draft.code());
		this.parcels.idByCode(draft.code()).filter((other) -> other != id).ifPresent((other) -> {
			throw ApiProblem.conflict("duplicate-code", "parcel.code.exists", draft.code()).with("parcelId", other);
		});
		return this.redLines.check(draft.geometry(), id, options);
	}

	/**
	 * A code is required and no longer than the codes of a JSON body may be
	 * (zonegis.limits.code-length), counted the same way, so a code read from a file
	 * obeys the same limit as one typed.
	 */
	void requireCode(String code) {
		int limit = this.limits.codeLength();
		if (code == null || code.isBlank() || code.codePointCount(0, code.length()) > limit) {
			throw ApiProblem.badRequest("invalid-parcel", "parcel.code.required", limit).with("property", "code");
		}
	}

	private String detail(String code, int version, RedLineCheck.Checked checked) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("code", code);
		detail.put("version", version);
		if (checked.repair() != null) {
			detail.put("repair", checked.repair());
		}
		if (checked.clip() != null) {
			detail.put("clip", checked.clip());
		}
		return this.json.writeValueAsString(detail);
	}

}
