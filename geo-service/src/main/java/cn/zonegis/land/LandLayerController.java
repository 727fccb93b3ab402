package cn.zonegis.land;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.IntSupplier;

import cn.zonegis.ApiProblem;
import cn.zonegis.ETag;
import cn.zonegis.geo.GeoJson;

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
import org.springframework.web.multipart.MultipartFile;

/**
 * /api/zones, /api/enterprises, /api/buildings, /api/self-built-houses and
 * /api/park-entry-reviews: GeoJSON Features in and out, versioned by ETag. The lists are
 * the layer API's /api/{collection}.
 */
@RestController
class LandLayerController {

	private static final String LAYER = "/api/{layer:zones|enterprises|buildings|self-built-houses|park-entry-reviews}";

	private static final String REGISTER = "/api/{layer:buildings|self-built-houses|park-entry-reviews}";

	private final LandLayerService layers;

	private final RegisterImports imports;

	private final ZoneContentsService contents;

	LandLayerController(LandLayerService layers, ZoneContentsService contents, RegisterImports imports) {
		this.layers = layers;
		this.imports = imports;
		this.contents = contents;
	}

	/** Land by expansion zone and state, for the office's overview. */
	@GetMapping("/api/zones/stats")
	List<ZoneLandStats> landByZone() {
		return this.contents.landByZone();
	}

	@GetMapping("/api/zones/{id}/contents")
	ZoneContents contents(@PathVariable long id) {
		return this.contents.contents(id);
	}

	@GetMapping(LAYER + "/{id}")
	ResponseEntity<String> get(@PathVariable String layer, @PathVariable long id) {
		return feature(ResponseEntity.ok(), this.layers.get(LandLayer.at(layer), id));
	}

	@GetMapping(LAYER + "/{id}/history")
	ResponseEntity<String> history(@PathVariable String layer, @PathVariable long id) {
		return ResponseEntity.ok().contentType(GeoJson.MEDIA_TYPE).body(this.layers.history(LandLayer.at(layer), id));
	}

	/**
	 * Imports a register's .xlsx or .csv (the columns of its download); dryRun=true
	 * checks it and stores nothing.
	 */
	@PostMapping(REGISTER + "/import")
	RegisterImports.Result importRegister(@PathVariable String layer,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Boolean dryRun)
			throws IOException {
		if (dryRun == null) {
			throw ApiProblem.badRequest("missing-parameter", "problem.parameter.missing", "dryRun")
				.with("parameter", "dryRun");
		}
		if (file == null || file.isEmpty()) {
			throw ApiProblem.badRequest("missing-parameter", "problem.parameter.missing", "file")
				.with("parameter", "file");
		}
		return this.imports.importFile(LandLayer.at(layer), file.getOriginalFilename(), file.getBytes(), dryRun);
	}

	@PostMapping(LAYER)
	ResponseEntity<String> create(@PathVariable String layer, @RequestBody JsonNode feature) {
		LandLayerRepository.Stored stored = this.layers.create(LandLayer.at(layer), feature);
		return feature(ResponseEntity.created(URI.create("/api/" + layer + "/" + stored.id())), stored);
	}

	@PutMapping(LAYER + "/{id}")
	ResponseEntity<String> replace(@PathVariable String layer, @PathVariable long id, @RequestBody JsonNode feature,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		LandLayer landLayer = LandLayer.at(layer);
		Integer expected = ETag.expectedVersion(ifMatch, storedVersion(landLayer, id));
		return feature(ResponseEntity.ok(), this.layers.replace(landLayer, id, feature, expected));
	}

	@DeleteMapping(LAYER + "/{id}")
	ResponseEntity<Void> delete(@PathVariable String layer, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		LandLayer landLayer = LandLayer.at(layer);
		this.layers.delete(landLayer, id, ETag.optionalVersion(ifMatch, storedVersion(landLayer, id)));
		return ResponseEntity.noContent().build();
	}

	/** The row's version, read only when If-Match lists several. */
	private IntSupplier storedVersion(LandLayer layer, long id) {
		return () -> this.layers.get(layer, id).version();
	}

	private static ResponseEntity<String> feature(ResponseEntity.BodyBuilder response,
			LandLayerRepository.Stored stored) {
		return response.eTag(ETag.of(stored.version())).contentType(GeoJson.MEDIA_TYPE).body(stored.feature());
	}

}
