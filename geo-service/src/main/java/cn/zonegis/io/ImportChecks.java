package cn.zonegis.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.zonegis.land.DraftProblem;
import cn.zonegis.land.ParcelDraft;
import cn.zonegis.land.ParcelService;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.index.strtree.STRtree;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Decides what each feature of a file would do (create, or update the parcel of that
 * code) and collects every problem the land rules would raise, without storing anything.
 */
@Component
class ImportChecks {

	static final String CREATE = "create";

	static final String UPDATE = "update";

	/** A parcel with this code already is exactly this feature: nothing to store. */
	static final String UNCHANGED = "unchanged";

	private static final List<String> ENDED = List.of("recovered", "cancelled");

	private final ParcelService parcels;

	private final MessageSource messages;

	ImportChecks(ParcelService parcels, MessageSource messages) {
		this.parcels = parcels;
		this.messages = messages;
	}

	/**
	 * One feature's fate.
	 *
	 * @param existingId the parcel an update replaces, or null
	 * @param problems the reader's problems followed by the land rules' (when fullCheck)
	 */
	record Planned(SourceFeature feature, ParcelDraft draft, String action, Long existingId,
			List<ImportIssue> problems) {

		boolean refused() {
			return !this.problems.isEmpty();
		}

	}

	/**
	 * @param fullCheck run the land rules (validity, overlaps) too; without it only what
	 * reading found, codes used twice and codes of ended parcels are checked
	 */
	List<Planned> plan(SourceBatch batch, boolean fullCheck) {
		Map<String, Integer> codeCount = new HashMap<>();
		batch.features().forEach((f) -> codeCount.merge(String.valueOf(f.code()), 1, Integer::sum));
		List<Planned> planned = new ArrayList<>();
		for (SourceFeature feature : batch.features()) {
			ParcelDraft draft = new ParcelDraft(feature.code(), feature.name(), feature.landUse(),
					feature.landClassCode(), feature.holder(), feature.surveyedAreaM2(), feature.geometry());
			List<ImportIssue> problems = new ArrayList<>(feature.problems());
			Optional<Long> existing = (feature.code() == null) ? Optional.empty()
					: this.parcels.findIdByCode(feature.code());
			if (feature.code() != null && codeCount.get(feature.code()) > 1) {
				problems.add(ImportIssue.of(this.messages, "duplicate-code", "io.import.code-twice", feature.code()));
			}
			existing.filter(this::hasEnded)
				.ifPresent((id) -> problems
					.add(ImportIssue.of(this.messages, "parcel-ended", "io.import.code-ended", feature.code())));
			planned.add(new Planned(feature, draft, action(existing, draft), existing.orElse(null), problems));
		}
		if (fullCheck) {
			addLandProblems(planned);
		}
		return planned;
	}

	private String action(Optional<Long> existing, ParcelDraft draft) {
		if (existing.isEmpty()) {
			return CREATE;
		}
		return this.parcels.isUnchanged(existing.get(), draft) ? UNCHANGED : UPDATE;
	}

	private boolean hasEnded(long id) {
		return ENDED.contains(this.parcels.get(id).properties().status());
	}

	/**
	 * Each draft is checked against the stored parcels and against only those drafts
	 * whose interiors it meets (found through an R-tree), so a large file is not compared
	 * pair by pair.
	 */
	private void addLandProblems(List<Planned> planned) {
		STRtree index = new STRtree();
		planned.stream()
			.filter((p) -> p.draft().geometry() != null)
			.forEach((p) -> index.insert(p.draft().geometry().getEnvelopeInternal(), p.draft()));
		for (Planned p : planned) {
			MultiPolygon geometry = p.draft().geometry();
			if (geometry == null) {
				continue;
			}
			List<ParcelDraft> neighbours = new ArrayList<>();
			for (Object candidate : index.query(geometry.getEnvelopeInternal())) {
				ParcelDraft other = (ParcelDraft) candidate;
				if (other != p.draft() && !Objects.equals(other.code(), p.draft().code())
						&& geometry.relate(other.geometry(), "T********")) {
					neighbours.add(other);
				}
			}
			for (DraftProblem problem : this.parcels.checkDraft(p.draft(), neighbours)) {
				boolean replacedByThisImport = !CREATE.equals(p.action()) && "parcel-exists".equals(problem.type());
				if (!replacedByThisImport) {
					p.problems().add(new ImportIssue(problem.type(), problem.detail(), problem.properties()));
				}
			}
		}
	}

}
