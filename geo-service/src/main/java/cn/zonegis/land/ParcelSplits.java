package cn.zonegis.land;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import cn.zonegis.ApiProblem;
import cn.zonegis.security.AuditLog;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Splits a parcel's red line (地块分割) along a line: the parcel is cancelled (注销) through
 * the lifecycle, so its history and event stay, and each piece becomes a new parcel
 * through the same create path and red-line checks as a drawn one, linked to the original
 * (split_from), all in one transaction.
 */
@Service
public class ParcelSplits {

	static final String MISSES_TYPE = "split-line-misses";

	private final ParcelService parcels;

	private final ParcelTransitions transitions;

	private final ParcelRepository rows;

	private final AuditLog audit;

	private final JsonMapper json;

	ParcelSplits(ParcelService parcels, ParcelTransitions transitions, ParcelRepository rows, AuditLog audit,
			JsonMapper json) {
		this.parcels = parcels;
		this.transitions = transitions;
		this.rows = rows;
		this.audit = audit;
		this.json = json;
	}

	/**
	 * @param line the cut in lon/lat (EPSG:4490); it must cross the boundary completely
	 * @param codes the pieces' codes, west to east, or null for the original's code with
	 * -1, -2…
	 * @param expectedVersion the version the client saw (If-Match)
	 * @return the new parcels, in the order of their codes
	 */
	@Transactional
	@PreAuthorize("hasRole('PLANNER')")
	public List<ParcelView> split(long id, LineString line, List<String> codes, String note, int expectedVersion) {
		ParcelRepository.Locked current = this.parcels.lockForChange(id, expectedVersion);
		List<MultiPolygon> pieces = this.rows.split(id, line);
		if (pieces.size() < 2) {
			throw ApiProblem.unprocessable(MISSES_TYPE, "parcel.split.misses", current.code());
		}
		List<String> pieceCodes = (codes == null)
				? IntStream.rangeClosed(1, pieces.size()).mapToObj((i) -> current.code() + "-" + i).toList() : codes;
		if (pieceCodes.size() != pieces.size()) {
			throw ApiProblem
				.unprocessable("split-codes-mismatch", "parcel.split.codes", pieces.size(), pieceCodes.size())
				.with("pieces", pieces.size())
				.with("property", "codes");
		}
		String into = String.join(", ", pieceCodes);
		this.transitions.move(id, ParcelLifecycle.CANCELLED, withNote("split into " + into, note), expectedVersion);
		ParcelView.Properties original = this.parcels.get(id).properties();
		List<ParcelView> created = new ArrayList<>();
		for (int i = 0; i < pieces.size(); i++) {
			ParcelDraft draft = new ParcelDraft(pieceCodes.get(i), original.name(), original.landUse(),
					original.landClassCode(), original.holder(), null, pieces.get(i));
			created.add(this.parcels.create(draft, withNote("split from " + current.code(), note), EditOptions.STRICT,
					current.status()));
		}
		List<Long> createdIds = created.stream().map(ParcelView::id).toList();
		this.rows.markSplitFrom(createdIds, id);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("code", current.code());
		detail.put("into", createdIds);
		detail.put("codes", pieceCodes);
		detail.put("note", note);
		this.audit.record("split", "parcel", id, this.json.writeValueAsString(detail));
		return created;
	}

	private static String withNote(String what, String note) {
		return (note == null || note.isBlank()) ? what : what + ": " + note;
	}

}
