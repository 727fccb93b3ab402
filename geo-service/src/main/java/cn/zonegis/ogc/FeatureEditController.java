package cn.zonegis.ogc;

import java.net.URI;

import cn.zonegis.ApiProblem;
import cn.zonegis.ETag;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OGC API - Features Part 4: create, replace, update and delete, each handed to the
 * collection's {@link FeatureWriter} so the feature's own rules run. A collection without
 * a writer is read-only (405). Replace, update and delete need the ETag last read in
 * If-Match (428 without, 412 stale).
 */
@RestController
@PreAuthorize("hasAnyRole('PLANNER', 'DISPATCHER', 'CREW')")
class FeatureEditController {

	private static final String ITEMS = "/ogc/collections/{collectionId}/items";

	private static final String ITEM = ITEMS + "/{featureId}";

	private final CollectionRegistry registry;

	private final FeatureRepository features;

	private final CollectionExtents extents;

	FeatureEditController(CollectionRegistry registry, FeatureRepository features, CollectionExtents extents) {
		this.registry = registry;
		this.features = features;
		this.extents = extents;
	}

	@PostMapping(ITEMS)
	ResponseEntity<Void> create(@PathVariable String collectionId,
			@RequestHeader(name = "Content-Crs", required = false) String contentCrs, @RequestBody JsonNode feature) {
		CollectionDef def = this.registry.get(collectionId);
		checkLonLat(contentCrs);
		long id = writer(def).create(feature);
		this.extents.forget(def.id());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).eTag(currentETag(def, id)).build();
	}

	@PutMapping(ITEM)
	ResponseEntity<Void> replace(@PathVariable String collectionId, @PathVariable String featureId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = "Content-Crs", required = false) String contentCrs, @RequestBody JsonNode feature) {
		return change(collectionId, featureId, ifMatch, contentCrs,
				(writer, id, version) -> writer.replace(id, feature, version));
	}

	@PatchMapping(ITEM)
	ResponseEntity<Void> update(@PathVariable String collectionId, @PathVariable String featureId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = "Content-Crs", required = false) String contentCrs, @RequestBody JsonNode patch) {
		return change(collectionId, featureId, ifMatch, contentCrs,
				(writer, id, version) -> writer.update(id, patch, version));
	}

	/** Replace and update differ only in the writer method they call. */
	private ResponseEntity<Void> change(String collectionId, String featureId, String ifMatch, String contentCrs,
			Change change) {
		CollectionDef def = this.registry.get(collectionId);
		FeatureWriter writer = writer(def);
		checkLonLat(contentCrs);
		long id = ItemsController.featureIdOf(def, featureId);
		change.apply(writer, id, ETag.expectedVersion(ifMatch));
		this.extents.forget(def.id());
		return ResponseEntity.noContent().eTag(currentETag(def, id)).build();
	}

	@FunctionalInterface
	private interface Change {

		void apply(FeatureWriter writer, long id, int expectedVersion);

	}

	@DeleteMapping(ITEM)
	ResponseEntity<Void> delete(@PathVariable String collectionId, @PathVariable String featureId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		CollectionDef def = this.registry.get(collectionId);
		FeatureWriter writer = writer(def);
		long id = ItemsController.featureIdOf(def, featureId);
		writer.delete(id, ETag.expectedVersion(ifMatch));
		this.extents.forget(def.id());
		return ResponseEntity.noContent().build();
	}

	private FeatureWriter writer(CollectionDef def) {
		return this.registry.writer(def.id())
			.orElseThrow(() -> new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "read-only-collection",
					"problem.collection.readOnly", def.id())
				.with("collection", def.id()));
	}

	/**
	 * Writers read GeoJSON longitude first in the storage datum: CRS84, or no Content-Crs
	 * at all.
	 */
	private static void checkLonLat(String contentCrs) {
		if (contentCrs != null && !contentCrs.strip().equals(Crs.CRS84.header())) {
			throw ApiProblem.badRequest("unsupported-crs", "problem.crs.body", contentCrs)
				.with("parameter", "Content-Crs");
		}
	}

	/**
	 * The new version as the ETag, so the client can edit again without reading first.
	 */
	private String currentETag(CollectionDef def, long id) {
		return this.features.find(def, id, Crs.STORED_LON_LAT).map((stored) -> ETag.of(stored.version())).orElse(null);
	}

}
