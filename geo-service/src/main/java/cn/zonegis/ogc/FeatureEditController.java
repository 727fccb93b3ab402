package cn.zonegis.ogc;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import cn.zonegis.ApiProblem;
import cn.zonegis.ETag;
import cn.zonegis.geo.GeoJson;
import cn.zonegis.security.AuditLog;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OGC API - Features Part 4: create, replace, update and delete, each handed to the
 * collection's {@link FeatureWriter} so the feature's own rules run. A collection without
 * a writer is read-only (405), and OPTIONS says which methods a collection's items take,
 * as QGIS asks before it offers editing. If-Match is optional, as the standard has it
 * (412 when stale; a write without it is marked so in the audit log), unless
 * {@code zonegis.ogc.require-if-match} makes it required (428). A body may be in any
 * offered CRS named by Content-Crs, in that CRS's axis order.
 */
@RestController
class FeatureEditController {

	private static final String ITEMS = "/ogc/collections/{collectionId}/items";

	private static final String ITEM = ITEMS + "/{featureId}";

	private static final String WRITE = "hasAnyRole('PLANNER', 'DISPATCHER', 'CREW', 'SAFETY')";

	private static final String MERGE_PATCH = "application/merge-patch+json";

	/** What a read-only collection's items and each item take. */
	private static final HttpMethod[] READ_ONLY = { HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS };

	private final CollectionRegistry registry;

	private final FeatureRepository features;

	private final CollectionExtents extents;

	private final ContentCrs contentCrs;

	private final AuditLog audit;

	private final OgcProperties properties;

	FeatureEditController(CollectionRegistry registry, FeatureRepository features, CollectionExtents extents,
			ContentCrs contentCrs, AuditLog audit, OgcProperties properties) {
		this.registry = registry;
		this.features = features;
		this.extents = extents;
		this.contentCrs = contentCrs;
		this.audit = audit;
		this.properties = properties;
	}

	@RequestMapping(path = ITEMS, method = RequestMethod.OPTIONS)
	ResponseEntity<Void> itemsOptions(@PathVariable String collectionId) {
		boolean editable = editable(collectionId);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.allow(editable ? new HttpMethod[] { HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.OPTIONS }
					: READ_ONLY);
		if (editable) {
			response.header("Accept-Post", GeoJson.MEDIA_TYPE.toString());
		}
		return response.build();
	}

	/**
	 * The same for every id, stored or not: QGIS asks about a made-up id when a
	 * collection is empty.
	 */
	@RequestMapping(path = ITEM, method = RequestMethod.OPTIONS)
	ResponseEntity<Void> itemOptions(@PathVariable String collectionId, @PathVariable String featureId) {
		CollectionDef def = this.registry.get(collectionId);
		Optional<FeatureWriter> writer = this.registry.writer(def.id());
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.allow(writer.map(FeatureEditController::itemMethods).orElse(READ_ONLY));
		if (writer.isPresent()) {
			response.header("Accept-Patch", MERGE_PATCH);
		}
		return response.build();
	}

	@PostMapping(ITEMS)
	@PreAuthorize(WRITE)
	ResponseEntity<Void> create(@PathVariable String collectionId,
			@RequestHeader(name = "Content-Crs", required = false) String contentCrs, @RequestBody JsonNode feature) {
		CollectionDef def = this.registry.get(collectionId);
		long id = writer(def).create(this.contentCrs.toStorage(feature, contentCrs));
		this.extents.forget(def.id());
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).eTag(currentETag(def, id)).build();
	}

	@PutMapping(ITEM)
	@PreAuthorize(WRITE)
	ResponseEntity<Void> replace(@PathVariable String collectionId, @PathVariable String featureId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = "Content-Crs", required = false) String contentCrs, @RequestBody JsonNode feature) {
		JsonNode stored = this.contentCrs.toStorage(feature, contentCrs);
		return change(collectionId, featureId, ifMatch, (writer, id, version) -> writer.replace(id, stored, version));
	}

	@PatchMapping(ITEM)
	@PreAuthorize(WRITE)
	ResponseEntity<Void> update(@PathVariable String collectionId, @PathVariable String featureId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = "Content-Crs", required = false) String contentCrs, @RequestBody JsonNode patch) {
		JsonNode stored = this.contentCrs.toStorage(patch, contentCrs);
		return change(collectionId, featureId, ifMatch, (writer, id, version) -> writer.update(id, stored, version));
	}

	@DeleteMapping(ITEM)
	@PreAuthorize(WRITE)
	ResponseEntity<Void> delete(@PathVariable String collectionId, @PathVariable String featureId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		CollectionDef def = this.registry.get(collectionId);
		FeatureWriter writer = writer(def);
		long id = ItemsController.featureIdOf(def, featureId);
		if (!(writer instanceof FeatureRemover remover)) {
			throw new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "delete-not-allowed", writer.deleteRefusal(), id)
				.with("collection", def.id())
				.withHeader(HttpHeaders.ALLOW, allowHeader(itemMethods(writer)));
		}
		withVersion(ifMatch, () -> storedVersion(def, id, featureId), (version) -> remover.delete(id, version));
		this.extents.forget(def.id());
		return ResponseEntity.noContent().build();
	}

	/** Replace and update differ only in the writer method they call. */
	private ResponseEntity<Void> change(String collectionId, String featureId, String ifMatch, Change change) {
		CollectionDef def = this.registry.get(collectionId);
		FeatureWriter writer = writer(def);
		long id = ItemsController.featureIdOf(def, featureId);
		withVersion(ifMatch, () -> storedVersion(def, id, featureId), (version) -> change.apply(writer, id, version));
		this.extents.forget(def.id());
		return ResponseEntity.noContent().eTag(currentETag(def, id)).build();
	}

	@FunctionalInterface
	private interface Change {

		void apply(FeatureWriter writer, long id, Integer expectedVersion);

	}

	/**
	 * Runs a write with the version If-Match names (of those it lists, the stored one);
	 * without one (what QGIS sends) the write takes whatever version is stored and its
	 * audit entry says it had no If-Match.
	 */
	private void withVersion(String ifMatch, IntSupplier stored, Consumer<Integer> write) {
		Integer version;
		if (this.properties.requireIfMatch()) {
			version = ETag.expectedVersion(ifMatch, stored);
		}
		else {
			version = ETag.optionalVersion(ifMatch, stored);
		}
		if (version != null) {
			write.accept(version);
			return;
		}
		this.audit.noting("ifMatch", "none", () -> {
			write.accept(null);
			return null;
		});
	}

	private int storedVersion(CollectionDef def, long id, String featureId) {
		return this.features.find(def, id, Crs.STORED_LON_LAT)
			.orElseThrow(() -> ItemsController.unknownItem(def, featureId))
			.version();
	}

	private boolean editable(String collectionId) {
		return this.registry.writer(this.registry.get(collectionId).id()).isPresent();
	}

	private FeatureWriter writer(CollectionDef def) {
		return this.registry.writer(def.id())
			.orElseThrow(() -> new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "read-only-collection",
					"problem.collection.readOnly", def.id())
				.with("collection", def.id())
				.withHeader(HttpHeaders.ALLOW, allowHeader(READ_ONLY)));
	}

	/**
	 * What an item of an editable collection takes: DELETE when its writer removes items.
	 */
	private static HttpMethod[] itemMethods(FeatureWriter writer) {
		return (writer instanceof FeatureRemover)
				? new HttpMethod[] { HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT, HttpMethod.PATCH,
						HttpMethod.DELETE, HttpMethod.OPTIONS }
				: new HttpMethod[] { HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT, HttpMethod.PATCH,
						HttpMethod.OPTIONS };
	}

	private static String allowHeader(HttpMethod[] methods) {
		return Arrays.stream(methods).map(HttpMethod::name).collect(Collectors.joining(", "));
	}

	/**
	 * The new version as the ETag, so the client can edit again without reading first.
	 */
	private String currentETag(CollectionDef def, long id) {
		return this.features.find(def, id, Crs.STORED_LON_LAT).map((stored) -> ETag.of(stored.version())).orElse(null);
	}

}
