package cn.zonegis.land;

import java.util.List;

import cn.zonegis.ApiProblem;
import cn.zonegis.ETag;
import cn.zonegis.InputRules;
import cn.zonegis.geo.GeoJson;
import cn.zonegis.geo.GeoProperties;
import cn.zonegis.geo.GeometryInput;
import org.locationtech.jts.geom.LineString;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/parcels/{id}/split with {@code {"line": <GeoJSON LineString>, "codes": [...],
 * "note": "…"}}: the new parcels come back as a FeatureCollection with their measures.
 */
@RestController
class ParcelSplitController {

	private static final String INVALID = "invalid-split";

	private final ParcelSplits splits;

	private final ParcelService parcels;

	private final GeoProperties geo;

	ParcelSplitController(ParcelSplits splits, ParcelService parcels, GeoProperties geo) {
		this.splits = splits;
		this.parcels = parcels;
		this.geo = geo;
	}

	@PostMapping("/api/parcels/{id}/split")
	ResponseEntity<Pieces> split(@PathVariable long id, @RequestBody SplitRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		int expected = ETag.expectedVersion(ifMatch, () -> this.parcels.version(id));
		LineString line = (LineString) GeometryInput.read(request.line(), "LineString", this.geo.extentBox());
		List<ParcelView> created = this.splits.split(id, line, codes(request.codes()), request.note(), expected);
		return ResponseEntity.ok().contentType(GeoJson.MEDIA_TYPE).body(new Pieces("FeatureCollection", created));
	}

	private static List<String> codes(List<String> codes) {
		if (codes == null) {
			return null;
		}
		if (codes.contains(null)) {
			throw ApiProblem.badRequest(INVALID, "parcel.split.codes-list").with("property", "codes");
		}
		codes.forEach((code) -> InputRules.refuseBlanksAround(INVALID, "codes", code));
		return codes;
	}

	/**
	 * Bound as a record, like the transitions and recover bodies, so that an unknown
	 * member (a mistyped {@code codez}) is refused by name instead of ignored.
	 *
	 * @param line the cut, a GeoJSON LineString
	 * @param codes the pieces' codes west to east, or null for the default codes
	 * @param note why the parcel was split, kept in its history
	 */
	record SplitRequest(JsonNode line, List<String> codes, String note) {
	}

	/** The new parcels as a GeoJSON FeatureCollection. */
	record Pieces(String type, List<ParcelView> features) {
	}

}
