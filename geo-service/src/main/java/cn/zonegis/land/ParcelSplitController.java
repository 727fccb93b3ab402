package cn.zonegis.land;

import java.util.ArrayList;
import java.util.List;

import cn.zonegis.ApiProblem;
import cn.zonegis.ETag;
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

	private final GeoProperties geo;

	ParcelSplitController(ParcelSplits splits, GeoProperties geo) {
		this.splits = splits;
		this.geo = geo;
	}

	@PostMapping("/api/parcels/{id}/split")
	ResponseEntity<Pieces> split(@PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		int expected = ETag.expectedVersion(ifMatch);
		if (body == null || !body.isObject()) {
			throw ApiProblem.badRequest(INVALID, "parcel.split.body");
		}
		LineString line = (LineString) GeometryInput.read(body.get("line"), "LineString", this.geo.extentBox());
		List<ParcelView> created = this.splits.split(id, line, codes(body.get("codes")), note(body.get("note")),
				expected);
		return ResponseEntity.ok().contentType(GeoJson.MEDIA_TYPE).body(new Pieces("FeatureCollection", created));
	}

	private static List<String> codes(JsonNode codes) {
		if (codes == null || codes.isNull()) {
			return null;
		}
		if (!codes.isArray()) {
			throw ApiProblem.badRequest(INVALID, "parcel.split.codes-list").with("property", "codes");
		}
		List<String> list = new ArrayList<>();
		for (JsonNode code : codes) {
			if (!code.isString()) {
				throw ApiProblem.badRequest(INVALID, "parcel.split.codes-list").with("property", "codes");
			}
			list.add(code.asString().strip());
		}
		return list;
	}

	private static String note(JsonNode note) {
		if (note == null || note.isNull()) {
			return null;
		}
		if (!note.isString()) {
			throw ApiProblem.badRequest(INVALID, "land.property.text", "note").with("property", "note");
		}
		return note.asString().strip();
	}

	/** The new parcels as a GeoJSON FeatureCollection. */
	record Pieces(String type, List<ParcelView> features) {
	}

}
