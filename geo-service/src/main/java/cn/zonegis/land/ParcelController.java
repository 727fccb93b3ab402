package cn.zonegis.land;

import cn.zonegis.ETag;
import cn.zonegis.geo.GeoJson;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.GeometryCheck;
import cn.zonegis.geo.ZoneTime;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** /api/parcels: red lines in and out as GeoJSON Features, versioned by ETag. */
@RestController
class ParcelController {

	private final ParcelService parcels;

	private final ParcelTransitions transitions;

	private final GeometryCheck geometry;

	private final ZoneTime zoneTime;

	ParcelController(ParcelService parcels, ParcelTransitions transitions, GeometryCheck geometry, ZoneTime zoneTime) {
		this.parcels = parcels;
		this.transitions = transitions;
		this.geometry = geometry;
		this.zoneTime = zoneTime;
	}

	@GetMapping("/api/parcels/{id}")
	ResponseEntity<ParcelView> get(@PathVariable long id) {
		return withEtag(ResponseEntity.ok(), this.parcels.get(id));
	}

	@PostMapping("/api/parcels")
	ResponseEntity<ParcelView> create(@RequestBody JsonNode feature,
			@RequestParam(defaultValue = "false") boolean repair, @RequestParam(defaultValue = "false") boolean clip) {
		ParcelFeatures.Edit edit = ParcelFeatures.read(feature, this.geometry);
		ParcelView view = this.parcels.create(edit.draft(), edit.note(), edit.properties(),
				new EditOptions(repair, clip));
		return withEtag(ResponseEntity.created(URI.create("/api/parcels/" + view.id())), view);
	}

	/**
	 * What a write of this parcel would be refused for, storing nothing: the editor's
	 * check before saving.
	 */
	@PostMapping("/api/parcels/check")
	List<DraftProblem> check(@RequestBody JsonNode feature) {
		ParcelFeatures.Edit edit = ParcelFeatures.read(feature, this.geometry);
		return this.parcels.checkDraft(edit.draft());
	}

	@PutMapping("/api/parcels/{id}")
	ResponseEntity<ParcelView> replace(@PathVariable long id, @RequestBody JsonNode feature,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestParam(defaultValue = "false") boolean repair, @RequestParam(defaultValue = "false") boolean clip) {
		Integer expected = ETag.expectedVersion(ifMatch, () -> this.parcels.version(id));
		ParcelFeatures.Edit edit = ParcelFeatures.read(feature, this.geometry);
		return withEtag(ResponseEntity.ok(), this.parcels.replace(id, edit.draft(), edit.note(), edit.properties(),
				expected, new EditOptions(repair, clip)));
	}

	/**
	 * Cancelling (注销) keeps the row and its history; the parcel no longer holds its
	 * ground.
	 */
	@DeleteMapping("/api/parcels/{id}")
	ResponseEntity<ParcelView> cancel(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestParam(required = false) String note) {
		return withEtag(ResponseEntity.ok(), this.transitions.move(id, ParcelLifecycle.CANCELLED, note,
				ETag.optionalVersion(ifMatch, () -> this.parcels.version(id))));
	}

	/**
	 * The parcels as they stood at a date (its end, China Standard Time) or an ISO
	 * instant.
	 */
	@GetMapping(value = "/api/parcels", params = "asOf")
	ResponseEntity<StreamingResponseBody> asOf(@RequestParam String asOf, @RequestParam(required = false) String bbox) {
		OffsetDateTime at = instant("asOf", asOf);
		BBox box = BBox.parse("bbox", bbox);
		return ResponseEntity.ok().contentType(GeoJson.MEDIA_TYPE).body((out) -> this.parcels.writeAsOf(at, box, out));
	}

	/** Count and area in 亩 of the parcels in each lifecycle state. */
	@GetMapping("/api/parcels/stats")
	List<ParcelStatusStats> stats() {
		return this.parcels.statusStats();
	}

	@GetMapping("/api/parcels/{id}/history")
	ResponseEntity<String> history(@PathVariable long id) {
		return ResponseEntity.ok().contentType(GeoJson.MEDIA_TYPE).body(this.parcels.history(id));
	}

	@GetMapping("/api/parcels/{id}/events")
	List<ParcelEventRepository.ParcelEvent> events(@PathVariable long id) {
		return this.transitions.events(id);
	}

	@PostMapping("/api/parcels/{id}/transitions")
	ResponseEntity<ParcelView> transition(@PathVariable long id, @RequestBody TransitionRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ParcelLifecycle to = ParcelLifecycle.fromCode(request.to())
			.orElseThrow(() -> ApiProblem.badRequest("unknown-status", "parcel.transition.unknown", request.to())
				.with("property", "to"));
		if (to == ParcelLifecycle.RECOVERED) {
			throw ApiProblem.badRequest("recovery-needs-decision", "parcel.transition.recover", id)
				.with("property", "to");
		}
		return withEtag(ResponseEntity.ok(), this.transitions.move(id, to, request.note(),
				ETag.optionalVersion(ifMatch, () -> this.parcels.version(id))));
	}

	/**
	 * @param to the status to move to (red_line_issued, filed, listed, transferred,
	 * cancelled; recovered goes through /recover, which records the recovery)
	 */
	record TransitionRequest(String to, String note) {
	}

	/** A date means the state at the end of that day. */
	private OffsetDateTime instant(String parameter, String text) {
		try {
			return this.zoneTime.read(text).last();
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.parameter.invalid", parameter, text)
				.with("parameter", parameter);
		}
	}

	static ResponseEntity<ParcelView> withEtag(ResponseEntity.BodyBuilder response, ParcelView view) {
		return response.eTag(ETag.of(view.properties().version())).body(view);
	}

}
