package cn.zonegis.io;

import java.util.ArrayList;
import java.util.List;

import cn.zonegis.land.ParcelBatches;
import cn.zonegis.land.ParcelDraft;

import org.springframework.stereotype.Component;

/**
 * Decides what each feature of a file would do (create, update the parcel of that code,
 * or nothing when that parcel already is the feature) from what reading it found and what
 * the land rules found for the whole file.
 */
@Component
class ImportChecks {

	static final String CREATE = "create";

	static final String UPDATE = "update";

	/** A parcel with this code already is exactly this feature: nothing to store. */
	static final String UNCHANGED = "unchanged";

	private final ParcelBatches parcels;

	ImportChecks(ParcelBatches parcels) {
		this.parcels = parcels;
	}

	/**
	 * One feature's fate.
	 *
	 * @param existingId the parcel an update replaces, or null
	 * @param problems the reader's problems followed by the land rules'
	 */
	record Planned(SourceFeature feature, ParcelBatches.FileDraft draft, String action, Long existingId,
			List<ImportIssue> problems) {

		boolean refused() {
			return !this.problems.isEmpty();
		}

	}

	/** The file's parcels as drafts, in file order. */
	static List<ParcelBatches.FileDraft> drafts(SourceBatch batch) {
		return batch.features()
			.stream()
			.map((f) -> new ParcelBatches.FileDraft(new ParcelDraft(f.code(), f.name(), f.landUse(), f.landClassCode(),
					f.holder(), f.surveyedAreaM2(), f.geometry()), f.note(), f.version()))
			.toList();
	}

	/** Every feature's fate, checking the file as a set and storing nothing. */
	List<Planned> plan(SourceBatch batch) {
		List<ParcelBatches.FileDraft> drafts = drafts(batch);
		return planned(batch, drafts, this.parcels.check(drafts));
	}

	/** Every feature's fate from the land rules' check of the drafts. */
	static List<Planned> planned(SourceBatch batch, List<ParcelBatches.FileDraft> drafts,
			List<ParcelBatches.DraftCheck> checks) {
		List<Planned> planned = new ArrayList<>(drafts.size());
		for (int i = 0; i < drafts.size(); i++) {
			SourceFeature feature = batch.features().get(i);
			ParcelBatches.DraftCheck check = checks.get(i);
			List<ImportIssue> problems = new ArrayList<>(feature.problems());
			check.problems().forEach((p) -> problems.add(new ImportIssue(p.type(), p.detail(), p.properties())));
			planned.add(new Planned(feature, drafts.get(i), action(check), check.existingId(), problems));
		}
		return planned;
	}

	private static String action(ParcelBatches.DraftCheck check) {
		if (check.existingId() == null) {
			return CREATE;
		}
		return check.unchanged() ? UNCHANGED : UPDATE;
	}

}
