package cn.zonegis.land;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import cn.zonegis.ApiProblem;
import cn.zonegis.ETag;
import cn.zonegis.events.Audience;
import cn.zonegis.events.ChangeEvents;
import cn.zonegis.geo.GeometryCheck;
import cn.zonegis.geo.GeometryDefect;
import cn.zonegis.security.AuditLog;
import cn.zonegis.security.Role;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks and stores a set of drafts (an imported file) as a set: one code look-up, one
 * overlap join against the stored parcels and within the set, one statement per write
 * (with its parcels' audit entries), so a file of ten thousand parcels costs a few times
 * what loading it into an empty table with ogr2ogr does (BENCHMARKS.md), not a statement
 * per parcel. The rules are those of {@link ParcelService}: a draft's code either is new
 * or names an active parcel it replaces.
 */
@Service
public class ParcelBatches {

	/** The codes a parcels.imported event names; the count says how many there are. */
	private static final int ANNOUNCED_CODES = 5;

	private final ParcelBatchRepository batches;

	private final ParcelService parcels;

	private final RedLineCheck redLines;

	private final GeometryCheck geometry;

	private final LandProperties land;

	private final AuditLog audit;

	private final JsonMapper json;

	private final MessageSource messages;

	private final ChangeEvents changes;

	ParcelBatches(ParcelBatchRepository batches, ParcelService parcels, RedLineCheck redLines, GeometryCheck geometry,
			LandProperties land, AuditLog audit, JsonMapper json, MessageSource messages, ChangeEvents changes) {
		this.batches = batches;
		this.parcels = parcels;
		this.redLines = redLines;
		this.geometry = geometry;
		this.land = land;
		this.audit = audit;
		this.json = json;
		this.messages = messages;
		this.changes = changes;
	}

	/**
	 * A parcel of a file as the file gives it.
	 *
	 * @param note the note the file gives it, or null to keep the stored parcel's
	 * @param version the version of the stored parcel an export of it wrote, or null for
	 * a file that does not say (a surveyor's): a draft of another version than the stored
	 * parcel's is refused, as an edit of a stale version is
	 */
	public record FileDraft(ParcelDraft parcel, String note, Integer version) {
	}

	/**
	 * What the set's check found for one draft.
	 *
	 * @param existingId the active parcel of the same code that the draft would replace,
	 * or null when the draft would be a new parcel
	 * @param unchanged that parcel already is exactly the draft: storing it changes
	 * nothing and makes no version
	 * @param problems everything that refuses the draft; empty when it may be stored
	 */
	public record DraftCheck(Long existingId, boolean unchanged, List<DraftProblem> problems) {
	}

	/**
	 * The result of {@link #importAll}: the check of every draft, and the ids of the
	 * stored parcels in the order of the drafts (empty when any draft was refused, and
	 * then nothing was stored).
	 */
	public record Imported(List<DraftCheck> checks, List<Long> ids) {

		public boolean refused() {
			return this.checks.stream().anyMatch((c) -> !c.problems().isEmpty());
		}

	}

	/**
	 * Everything that would refuse each draft, storing nothing: a missing code, a code
	 * used twice in the set, a code of an ended parcel, geometry defects, overlaps with
	 * active parcels (except the one the draft's code replaces) and with the other
	 * drafts. Read-write only because the set goes through a temporary table.
	 */
	@Transactional
	@PreAuthorize("hasRole('PLANNER')")
	public List<DraftCheck> check(List<FileDraft> drafts) {
		List<List<DraftProblem>> defects = new ArrayList<>(drafts.size());
		Set<Integer> drawable = new HashSet<>();
		for (int i = 0; i < drafts.size(); i++) {
			ParcelDraft draft = drafts.get(i).parcel();
			Optional<GeometryDefect> defect = (draft.geometry() == null) ? Optional.empty()
					: this.geometry.validate(draft.geometry());
			defects.add(defect.map((d) -> List.of(DraftProblem.of(d.toProblem(), this.messages))).orElse(List.of()));
			if (draft.geometry() != null && defect.isEmpty()) {
				drawable.add(i);
			}
		}
		this.batches.open();
		this.batches.load(drafts, drawable);
		return checkLoaded(defects::get).checks();
	}

	/**
	 * Stores every draft in one transaction, or none: behind the red-line lock, so that
	 * concurrent imports and edits never overlap, the set is checked as {@link #check}
	 * does; when no draft is refused, new codes are inserted, the parcels of known codes
	 * are replaced (their previous version kept as history), and every parcel is audited.
	 * @param auditDetail what the import's own audit entry says (file, format…); the
	 * counts created, updated and unchanged are added
	 */
	@Transactional
	@PreAuthorize("hasRole('PLANNER')")
	public Imported importAll(List<FileDraft> drafts, Map<String, Object> auditDetail) {
		this.parcels.holdRedLines();
		List<DraftCheck> checks = check(drafts);
		return store(new SetCheck(checks, drafts.stream().map((d) -> d.parcel().code()).toList()), auditDetail);
	}

	/**
	 * Opens this transaction's empty draft table, for a caller that fills it with one
	 * statement (an import staged in the database) and then calls {@link #importLoaded}:
	 * {@code pg_temp.parcel_draft (idx, code, name, land_use, land_class_code, holder,
	 * surveyed_area_m2, note, version, geom)}, idx counting from 0 in file order, geom a
	 * valid MultiPolygon in EPSG:4490.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	@PreAuthorize("hasRole('PLANNER')")
	public void openDrafts() {
		this.batches.open();
	}

	/**
	 * {@link #importAll} for drafts already in the table {@link #openDrafts} opened,
	 * whose boundaries the caller has checked.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	@PreAuthorize("hasRole('PLANNER')")
	public Imported importLoaded(Map<String, Object> auditDetail) {
		this.parcels.holdRedLines();
		return store(checkLoaded((idx) -> List.of()), auditDetail);
	}

	/** The set's checks, in index order, and each draft's code. */
	private record SetCheck(List<DraftCheck> checks, List<String> codes) {
	}

	/**
	 * The code rules, then what reading the draft found, then overlaps, for every draft
	 * in parcel_draft, as a set.
	 */
	private SetCheck checkLoaded(IntFunction<List<DraftProblem>> found) {
		List<ParcelBatchRepository.DraftCode> codes = this.batches.prepare();
		List<DraftCheck> checks = new ArrayList<>(codes.size());
		for (ParcelBatchRepository.DraftCode code : codes) {
			List<DraftProblem> problems = new ArrayList<>();
			codeProblem(code).ifPresent((p) -> problems.add(DraftProblem.of(p, this.messages)));
			problems.addAll(found.apply(code.idx()));
			checks.add(new DraftCheck((code.stored() == null) ? null : code.stored().id(), false, problems));
		}
		this.batches.overlaps(this.land.overlapToleranceM2())
			.forEach((i, overlaps) -> checks.get(i)
				.problems()
				.add(DraftProblem.of(this.redLines.overlapProblem(overlaps), this.messages)));
		for (int i : this.batches.unchanged()) {
			DraftCheck check = checks.get(i);
			checks.set(i, new DraftCheck(check.existingId(), true, check.problems()));
		}
		return new SetCheck(checks, codes.stream().map(ParcelBatchRepository.DraftCode::code).toList());
	}

	/**
	 * Writes the checked set when no draft is refused: one statement per write, each
	 * auditing the parcels it writes, one audit entry for the file, and one summary event
	 * for the other planners' maps.
	 */
	private Imported store(SetCheck set, Map<String, Object> auditDetail) {
		List<DraftCheck> checks = set.checks();
		Imported refused = new Imported(checks, List.of());
		if (refused.refused()) {
			return refused;
		}
		String user = AuditLog.currentUsername();
		Set<Integer> unchanged = new HashSet<>();
		for (int i = 0; i < checks.size(); i++) {
			if (checks.get(i).unchanged()) {
				unchanged.add(i);
			}
		}
		this.batches.forget(unchanged);
		Map<String, Long> written = this.batches.write(ParcelLifecycle.PLANNED, user);
		List<Long> ids = new ArrayList<>(checks.size());
		List<String> storedCodes = new ArrayList<>();
		int updated = 0;
		for (int i = 0; i < checks.size(); i++) {
			if (unchanged.contains(i)) {
				ids.add(checks.get(i).existingId());
				continue;
			}
			String code = set.codes().get(i);
			updated += (checks.get(i).existingId() != null) ? 1 : 0;
			ids.add(written.get(code));
			storedCodes.add(code);
		}
		int created = checks.size() - updated - unchanged.size();
		Map<String, Object> detail = new LinkedHashMap<>(auditDetail);
		detail.put("created", created);
		detail.put("updated", updated);
		detail.put("unchanged", unchanged.size());
		this.audit.record("import", "parcel", null, this.json.writeValueAsString(detail));
		if (!storedCodes.isEmpty()) {
			announce(created, updated, storedCodes);
		}
		return new Imported(checks, ids);
	}

	/**
	 * One event for the whole import, never one per parcel: a large file would otherwise
	 * fill every planner's tray and make each map fetch every parcel.
	 */
	private void announce(int created, int updated, List<String> codes) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("count", codes.size());
		data.put("created", created);
		data.put("updated", updated);
		data.put("codes", codes.subList(0, Math.min(codes.size(), ANNOUNCED_CODES)));
		data.put("bbox", this.batches.writtenExtent());
		this.changes.publish("parcels.imported", 0, data, Audience.of(Role.PLANNER));
	}

	private Optional<ApiProblem> codeProblem(ParcelBatchRepository.DraftCode draft) {
		try {
			this.parcels.requireCode(draft.code());
		}
		catch (ApiProblem problem) {
			return Optional.of(problem);
		}
		if (draft.uses() > 1) {
			return Optional.of(ApiProblem.conflict("duplicate-code", "parcel.code.twice", draft.code()));
		}
		ParcelBatchRepository.Stored same = draft.stored();
		if (same != null && !same.status().isActive()) {
			return Optional.of(ApiProblem.conflict("parcel-ended", "parcel.ended", draft.code(), same.status().label())
				.with("parcelId", same.id()));
		}
		if (same != null && draft.version() != null && draft.version() != same.version()) {
			return Optional.of(ETag.stale(draft.version(), same.version(), "parcel.stale", draft.code())
				.with("parcelId", same.id()));
		}
		return Optional.empty();
	}

}
