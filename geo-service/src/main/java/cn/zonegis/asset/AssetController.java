package cn.zonegis.asset;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

import cn.zonegis.ETag;
import cn.zonegis.geo.GeoJson;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/assets/{kind}/{id} for every asset kind, also reachable as /api/roads/{id},
 * /api/pipes/{id}… Reads carry the version as ETag; writes need it back in If-Match.
 */
@RestController
class AssetController {

	private static final String KINDS = "{kind:roads|pipes|wells|streetlights|cables}";

	private final AssetService assets;

	private final NearestAssetService nearest;

	AssetController(AssetService assets, NearestAssetService nearest) {
		this.assets = assets;
		this.nearest = nearest;
	}

	/**
	 * What each kind's edit form needs: its geometry type and editable columns with their
	 * allowed values.
	 */
	@GetMapping("/api/assets/kinds")
	List<KindView> kinds() {
		return Arrays.stream(AssetKind.values())
			.map((k) -> new KindView(k.collectionId(), k.geometryType(), k.stateColumn(), k.columns()))
			.toList();
	}

	@GetMapping("/api/assets/nearest")
	ResponseEntity<String> nearest(@RequestParam double lon, @RequestParam double lat,
			@RequestParam(required = false) String type, @RequestParam(defaultValue = "5") int k) {
		return ResponseEntity.ok().contentType(GeoJson.MEDIA_TYPE).body(this.nearest.nearest(lon, lat, type, k));
	}

	@GetMapping({ "/api/assets/{kind}/{id}", "/api/" + KINDS + "/{id}" })
	ResponseEntity<String> get(@PathVariable String kind, @PathVariable long id) {
		return feature(AssetKind.of(kind), id);
	}

	@GetMapping({ "/api/assets/{kind}/{id}/history", "/api/" + KINDS + "/{id}/history" })
	ResponseEntity<String> history(@PathVariable String kind, @PathVariable long id) {
		return ResponseEntity.ok().contentType(GeoJson.MEDIA_TYPE).body(this.assets.history(AssetKind.of(kind), id));
	}

	@PostMapping({ "/api/assets/{kind}", "/api/" + KINDS })
	ResponseEntity<String> create(@PathVariable String kind, @RequestBody JsonNode feature) {
		AssetKind assetKind = AssetKind.of(kind);
		long id = this.assets.create(assetKind, feature);
		AssetService.AssetFeature created = this.assets.get(assetKind, id);
		return ResponseEntity.created(URI.create("/api/assets/" + assetKind.collectionId() + "/" + id))
			.eTag(ETag.of(created.version()))
			.contentType(GeoJson.MEDIA_TYPE)
			.body(created.geoJson());
	}

	@PutMapping({ "/api/assets/{kind}/{id}", "/api/" + KINDS + "/{id}" })
	ResponseEntity<String> replace(@PathVariable String kind, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody JsonNode feature) {
		AssetKind assetKind = AssetKind.of(kind);
		this.assets.replace(assetKind, id, feature, ETag.expectedVersion(ifMatch, storedVersion(assetKind, id)));
		return feature(assetKind, id);
	}

	@PatchMapping({ "/api/assets/{kind}/{id}", "/api/" + KINDS + "/{id}" })
	ResponseEntity<String> update(@PathVariable String kind, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody JsonNode patch) {
		AssetKind assetKind = AssetKind.of(kind);
		this.assets.update(assetKind, id, patch, ETag.expectedVersion(ifMatch, storedVersion(assetKind, id)));
		return feature(assetKind, id);
	}

	@DeleteMapping({ "/api/assets/{kind}/{id}", "/api/" + KINDS + "/{id}" })
	ResponseEntity<Void> delete(@PathVariable String kind, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		AssetKind assetKind = AssetKind.of(kind);
		this.assets.delete(assetKind, id, ETag.expectedVersion(ifMatch, storedVersion(assetKind, id)));
		return ResponseEntity.noContent().build();
	}

	/** The asset's version, read only when If-Match lists several. */
	private IntSupplier storedVersion(AssetKind kind, long id) {
		return () -> this.assets.get(kind, id).version();
	}

	record KindView(String kind, String geometryType, String stateColumn, List<AssetColumn> columns) {
	}

	private ResponseEntity<String> feature(AssetKind kind, long id) {
		AssetService.AssetFeature feature = this.assets.get(kind, id);
		return ResponseEntity.ok()
			.eTag(ETag.of(feature.version()))
			.contentType(GeoJson.MEDIA_TYPE)
			.body(feature.geoJson());
	}

}
