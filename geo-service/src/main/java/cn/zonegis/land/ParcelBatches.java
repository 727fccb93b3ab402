package cn.zonegis.land;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.GeometryCheck;
import cn.zonegis.geo.GeometryDefect;
import cn.zonegis.security.AuditLog;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks and stores a set of drafts (an imported file) as a set: one code look-up, one
 * overlap join against the stored parcels and within the set, one statement per write and
 * one for the audit log, so a file of ten thousand parcels costs about what loading it
 * with ogr2ogr does. The rules are those of {@link ParcelService}: a draft's code either
 * is new or names an active parcel it replaces.
 */
@Service
public class ParcelBatches {

	private final ParcelBatchRepository batches;

	private final ParcelService parcels;

	private final RedLineCheck redLines;

	private final GeometryCheck geometry;

	private final LandProperties land;

	private final AuditLog audit;

	private final JsonMapper json;

	private final MessageSource messages;

	ParcelBatches(ParcelBatchRepository batches, ParcelService parcels, RedLineCheck redLines, GeometryCheck geometry,
			LandProperties land, AuditLog audit, JsonMapper json, MessageSource messages) {
		this.batches = batches;
		this.parcels = parcels;
		this.redLines = redLines;
		this.geometry = geometry;
		this.land = land;
		this.audit = audit;
		this.json = json;
		this.messages = messages;
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
	public List<DraftCheck> check(List<ParcelDraft> drafts) {
		Map<String, Integer> codeCount = new HashMap<>();
		drafts.forEach((d) -> codeCount.merge(String.valueOf(d.code()), 1, Integer::sum));
		Map<String, ParcelBatchRepository.Stored> stored = this.batches
			.storedByCode(drafts.stream().map(ParcelDraft::code).filter(Objects::nonNull).distinct().toList());
		List<DraftCheck> checks = new ArrayList<>(drafts.size());
		Map<Integer, ParcelDraft> toOverlap = new LinkedHashMap<>();
		for (int i = 0; i < drafts.size(); i++) {
			ParcelDraft draft = drafts.get(i);
			List<DraftProblem> problems = new ArrayList<>();
			ParcelBatchRepository.Stored same = (draft.code() == null) ? null : stored.get(draft.code());
			codeProblem(draft, codeCount, same).ifPresent((p) -> problems.add(DraftProblem.of(p, this.messages)));
			Optional<GeometryDefect> defect = (draft.geometry() == null) ? Optional.empty()
					: this.geometry.validate(draft.geometry());
			defect.ifPresent((d) -> problems.add(DraftProblem.of(d.toProblem(), this.messages)));
			if (draft.geometry() != null && defect.isEmpty()) {
				toOverlap.put(i, draft);
			}
			checks.add(new DraftCheck((same == null) ? null : same.id(), false, problems));
		}
		if (!toOverlap.isEmpty()) {
			this.batches.load(toOverlap, stored);
			this.batches.overlaps(this.land.overlapToleranceM2())
				.forEach((i, overlaps) -> checks.get(i)
					.problems()
					.add(DraftProblem.of(this.redLines.overlapProblem(overlaps), this.messages)));
			for (int i : this.batches.unchanged()) {
				DraftCheck check = checks.get(i);
				checks.set(i, new DraftCheck(check.existingId(), true, check.problems()));
			}
		}
		return checks;
	}

	/**
	 * Stores every draft in one transaction, or none: behind the red-line lock, so that
	 * concurrent imports and edits never overlap, the set is checked as {@link #check}
	 * does; when no draft is refused, new codes are inserted, the parcels of known codes
	 * are replaced (their previous version kept as history), and every parcel is audited.
	 * @param note the note replaced parcels carry
	 * @param auditDetail what the import's own audit entry says (file, format…); the
	 * counts created, updated and unchanged are added
	 */
	@Transactional
	@PreAuthorize("hasRole('PLANNER')")
	public Imported importAll(List<ParcelDraft> drafts, String note, Map<String, Object> auditDetail) {
		this.parcels.holdRedLines();
		List<DraftCheck> checks = check(drafts);
		Imported refused = new Imported(checks, List.of());
		if (refused.refused()) {
			return refused;
		}
		String user = AuditLog.currentUsername();
		Set<Integer> unchanged = new HashSet<>();
		for (int i = 0; i < drafts.size(); i++) {
			if (checks.get(i).unchanged()) {
				unchanged.add(i);
			}
		}
		this.batches.forget(unchanged);
		Map<String, ParcelBatchRepository.Written> written = this.batches.write(note, ParcelLifecycle.PLANNED, user);
		List<Long> ids = new ArrayList<>(drafts.size());
		List<AuditLog.Entry> entries = new ArrayList<>(drafts.size() + 1);
		int updated = 0;
		for (int i = 0; i < drafts.size(); i++) {
			if (unchanged.contains(i)) {
				ids.add(checks.get(i).existingId());
				continue;
			}
			String code = drafts.get(i).code();
			ParcelBatchRepository.Written parcel = written.get(code);
			boolean replaced = checks.get(i).existingId() != null;
			updated += replaced ? 1 : 0;
			ids.add(parcel.id());
			entries.add(new AuditLog.Entry(replaced ? "update" : "import", parcel.id(),
					this.json.writeValueAsString(Map.of("code", code, "version", parcel.version()))));
		}
		Map<String, Object> detail = new LinkedHashMap<>(auditDetail);
		detail.put("created", drafts.size() - updated - unchanged.size());
		detail.put("updated", updated);
		detail.put("unchanged", unchanged.size());
		entries.add(new AuditLog.Entry("import", null, this.json.writeValueAsString(detail)));
		this.audit.recordAll("parcel", entries);
		return new Imported(checks, ids);
	}

	private static Optional<ApiProblem> codeProblem(ParcelDraft draft, Map<String, Integer> codeCount,
			ParcelBatchRepository.Stored same) {
		try {
			ParcelService.requireCode(draft.code());
		}
		catch (ApiProblem problem) {
			return Optional.of(problem);
		}
		if (codeCount.get(draft.code()) > 1) {
			return Optional.of(ApiProblem.conflict("duplicate-code", "parcel.code.twice", draft.code()));
		}
		if (same != null && !same.status().isActive()) {
			return Optional.of(ApiProblem.conflict("parcel-ended", "parcel.ended", draft.code(), same.status().label())
				.with("parcelId", same.id()));
		}
		return Optional.empty();
	}

}
