package cn.zonegis.project;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

import cn.zonegis.ETag;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.GeoJson;
import cn.zonegis.geo.ZoneTime;
import tools.jackson.databind.JsonNode;

import org.springframework.format.annotation.DateTimeFormat;
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

/**
 * /api/projects: the key projects as GeoJSON with progress and the lagging flag (also the
 * map's projects layer), the half-year summary, and planners' edits with ETag locking.
 */
@RestController
class ProjectController {

	private final ProjectService projects;

	/** The zone's calendar day decides how much of the year has elapsed. */
	private final ZoneTime zoneTime;

	ProjectController(ProjectService projects, ZoneTime zoneTime) {
		this.projects = projects;
		this.zoneTime = zoneTime;
	}

	@GetMapping("/api/projects")
	ResponseEntity<Map<String, Object>> list(@RequestParam(defaultValue = "id") String sort,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) String bbox) {
		LocalDate day = day(asOf);
		Map<String, Object> collection = new LinkedHashMap<>();
		collection.put("type", "FeatureCollection");
		collection.put("asOf", day.toString());
		collection.put("features",
				this.projects.list(sort, day, BBox.parse("bbox", bbox)).stream().map(ProjectView::feature).toList());
		return ResponseEntity.ok().contentType(GeoJson.MEDIA_TYPE).body(collection);
	}

	@GetMapping("/api/projects/summary")
	ProjectSummary summary(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.projects.summary(day(asOf));
	}

	@GetMapping("/api/projects/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return feature(id, asOf);
	}

	@PostMapping("/api/projects")
	ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode feature) {
		long id = this.projects.create(feature);
		ProjectView created = this.projects.get(id, day(null));
		return ResponseEntity.created(URI.create("/api/projects/" + id))
			.eTag(ETag.of(created.version()))
			.contentType(GeoJson.MEDIA_TYPE)
			.body(created.feature());
	}

	@PutMapping("/api/projects/{id}")
	ResponseEntity<Map<String, Object>> replace(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody JsonNode feature) {
		this.projects.replace(id, feature, ETag.expectedVersion(ifMatch, storedVersion(id)));
		return feature(id, null);
	}

	@DeleteMapping("/api/projects/{id}")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.projects.delete(id, ETag.expectedVersion(ifMatch, storedVersion(id)));
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<Map<String, Object>> feature(long id, LocalDate asOf) {
		ProjectView project = this.projects.get(id, day(asOf));
		return ResponseEntity.ok()
			.eTag(ETag.of(project.version()))
			.contentType(GeoJson.MEDIA_TYPE)
			.body(project.feature());
	}

	/** The project's version, read only when If-Match lists several. */
	private IntSupplier storedVersion(long id) {
		return () -> this.projects.get(id, day(null)).version();
	}

	private LocalDate day(LocalDate asOf) {
		return (asOf == null) ? this.zoneTime.today() : asOf;
	}

}
