package cn.zonegis.asset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.zonegis.ApiProblem;
import cn.zonegis.ETag;
import cn.zonegis.InputRules;
import cn.zonegis.geo.GeoProperties;
import cn.zonegis.geo.GeometryInput;
import cn.zonegis.security.AuditLog;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roads, pipes, wells, streetlights and cables: one set of rules for every
 * {@link AssetKind}. Each change checks the geometry and the attributes, keeps the
 * replaced version in asset_history and writes the audit log, in one transaction. Other
 * features (work orders) use {@link #find}, {@link #unionByLabel} and {@link #setState},
 * and hold a state their open work will set as {@link AssetStateHolder}s.
 */
@Service
public class AssetService {

	/**
	 * Planners (and admins, by the role hierarchy) edit assets, through /api and OGC
	 * alike.
	 */
	static final String WRITE = "hasRole('PLANNER')";

	/** The computed property of a linear asset, published by every read of it. */
	private static final String LENGTH_M = "length_m";

	private final AssetRepository assets;

	private final AuditLog audit;

	private final GeoProperties geo;

	private final JsonMapper json;

	private final List<AssetStateHolder> stateHolders;

	AssetService(AssetRepository assets, AuditLog audit, GeoProperties geo, JsonMapper json,
			List<AssetStateHolder> stateHolders) {
		this.assets = assets;
		this.audit = audit;
		this.geo = geo;
		this.json = json;
		this.stateHolders = stateHolders;
	}

	/**
	 * The assets of that kind carrying that label, as one geometry in EPSG:4490 (a road
	 * is drawn in pieces under one name), or empty when none does.
	 */
	@Transactional(readOnly = true)
	public Optional<Geometry> unionByLabel(AssetKind kind, String label) {
		return this.assets.unionByLabel(kind, label);
	}

	/**
	 * The asset, with a representative point to put a work order on, or empty when there
	 * is none.
	 */
	@Transactional(readOnly = true)
	public Optional<AssetRef> find(AssetKind kind, long id) {
		return this.assets.ref(kind, id);
	}

	/**
	 * Sets a streetlight's or cable's state, or a well's cover_state (a fault, a repair,
	 * its restoration when the work order closes), keeping the previous version as
	 * history.
	 * @param reason why, for the audit log (the work order's code, say)
	 * @throws ApiProblem 404 for an unknown asset, 400 for a kind without a state or a
	 * state it does not allow
	 */
	@Transactional
	public void setState(AssetKind kind, long id, String state, String reason) {
		if (kind.stateColumn() == null) {
			throw ApiProblem.badRequest("asset-has-no-state", "asset.state.none", kind.collectionId())
				.with("kind", kind.collectionId());
		}
		AssetColumn column = kind.column(kind.stateColumn());
		column.bind(this.json.getNodeFactory().stringNode(state));
		int version = this.assets.lockVersion(kind, id).orElseThrow(() -> notFound(kind, id));
		String user = AuditLog.currentUsername();
		this.assets.archive(kind, id, "update", user);
		this.assets.setState(kind, id, state, user);
		ObjectNode detail = this.json.createObjectNode()
			.put(column.name(), state)
			.put("reason", reason)
			.put("version", version + 1);
		this.audit.record("set_state", kind.table(), id, detail.toString());
	}

	/** The asset as a GeoJSON Feature; its version property is the ETag. */
	@Transactional(readOnly = true)
	public AssetFeature get(AssetKind kind, long id) {
		String feature = this.assets.feature(kind, id).orElseThrow(() -> notFound(kind, id));
		return new AssetFeature(id, this.json.readTree(feature).path("properties").path("version").intValue(), feature);
	}

	/**
	 * @return the new asset's id
	 */
	@Transactional
	@PreAuthorize(WRITE)
	public long create(AssetKind kind, JsonNode feature) {
		refuseUnknown(kind, feature);
		byte[] geometry = geometry(kind, feature.path("geometry"));
		refuseChangedLength(kind, feature, null, geometry);
		Map<String, Object> values = bind(kind, feature.path("properties"), null);
		long id = this.assets.insert(kind, values, geometry, AuditLog.currentUsername());
		this.audit.record("create", kind.table(), id, detail(values, 1));
		return id;
	}

	/** Replaces geometry and every attribute of the version the client read. */
	@Transactional
	@PreAuthorize(WRITE)
	public void replace(AssetKind kind, long id, JsonNode feature, Integer expectedVersion) {
		refuseUnknown(kind, feature);
		byte[] geometry = geometry(kind, feature.path("geometry"));
		refuseChangedLength(kind, feature, id, geometry);
		write(kind, id, expectedVersion, bind(kind, feature.path("properties"), id), geometry);
	}

	/**
	 * Changes the members present in a JSON Merge Patch (RFC 7396) of a GeoJSON Feature.
	 */
	@Transactional
	@PreAuthorize(WRITE)
	public void update(AssetKind kind, long id, JsonNode patch, Integer expectedVersion) {
		refuseUnknown(kind, patch);
		checkVersion(kind, id, expectedVersion);
		ObjectNode merged = (ObjectNode) this.json.readTree(this.assets.attributes(kind, id));
		patch.path("properties").propertyStream().forEach((e) -> merged.set(e.getKey(), e.getValue()));
		JsonNode geometry = patch.path("geometry");
		byte[] geom = geometry.isMissingNode() ? null : geometry(kind, geometry);
		refuseChangedLength(kind, patch, id, geom);
		write(kind, id, expectedVersion, bind(kind, merged, id), geom);
	}

	@Transactional
	@PreAuthorize(WRITE)
	public void delete(AssetKind kind, long id, Integer expectedVersion) {
		int version = checkVersion(kind, id, expectedVersion);
		List<AssetRepository.AssetUse> uses = this.assets.referencing(kind, id);
		if (!uses.isEmpty()) {
			throw ApiProblem
				.conflict("asset-in-use", "asset.inUse", kind.collectionId(), id,
						String.join(", ", uses.stream().map(AssetRepository.AssetUse::label).toList()))
				.with("referencedBy", uses);
		}
		this.assets.archive(kind, id, "delete", AuditLog.currentUsername());
		this.assets.delete(kind, id, version);
		this.audit.record("delete", kind.table(), id, this.json.createObjectNode().put("version", version).toString());
	}

	/** Every version of the asset, newest first, also after it was deleted. */
	@Transactional(readOnly = true)
	public String history(AssetKind kind, long id) {
		return this.assets.history(kind, id).orElseThrow(() -> notFound(kind, id));
	}

	private void write(AssetKind kind, long id, Integer expectedVersion, Map<String, Object> values, byte[] geometry) {
		int version = checkVersion(kind, id, expectedVersion);
		refuseHeldStateChange(kind, id, values);
		String user = AuditLog.currentUsername();
		this.assets.archive(kind, id, "update", user);
		this.assets.update(kind, id, version, values, geometry, user);
		this.audit.record("update", kind.table(), id, detail(values, version + 1));
	}

	/**
	 * Locks the row and refuses a stale version with 412, naming the current one; null
	 * expects any version.
	 * @return the locked row's version
	 */
	private int checkVersion(AssetKind kind, long id, Integer expectedVersion) {
		int current = this.assets.lockVersion(kind, id).orElseThrow(() -> notFound(kind, id));
		ETag.requireCurrent(expectedVersion, current, "asset.version.stale");
		return current;
	}

	/**
	 * 闭环: while open work holds the asset's state (a repair order restores a faulty light
	 * when it closes), a write may not change it; the state sent unchanged, as QGIS
	 * echoes every attribute, passes. Checked with the row locked, so a fault report
	 * cannot mark the asset and open its repair between this check and the write.
	 */
	private void refuseHeldStateChange(AssetKind kind, long id, Map<String, Object> values) {
		String column = kind.stateColumn();
		if (column == null
				|| Objects.equals(values.get(column), this.assets.ref(kind, id).map(AssetRef::state).orElse(null))) {
			return;
		}
		for (AssetStateHolder holder : this.stateHolders) {
			holder.heldBy(kind, id).ifPresent((code) -> {
				throw ApiProblem
					.conflict("state-held-by-work-order", "asset.state.held", kind.collectionId(), id, column, code)
					.with("property", column)
					.with("workOrder", code);
			});
		}
	}

	private byte[] geometry(AssetKind kind, JsonNode geometry) {
		return GeometryInput.toEwkb(GeometryInput.read(geometry, kind.geometryType(), this.geo.extentBox()));
	}

	/**
	 * A property that is not one of the kind's columns (or a line's computed length)
	 * would be dropped: refuse it.
	 */
	private static void refuseUnknown(AssetKind kind, JsonNode feature) {
		List<String> known = new ArrayList<>(kind.columns().stream().map(AssetColumn::name).toList());
		if (kind.linear()) {
			known.add(LENGTH_M);
		}
		InputRules.refuseUnknownProperties(feature, known);
	}

	/**
	 * A line's length_m is measured by PostGIS from the geometry being saved (the stored
	 * one when a patch keeps it): a different value would be dropped, so refuse it. The
	 * stored line's own length, sent back as it was read, is an echo and passes.
	 * @param id the asset being changed, or null for a new one
	 * @param geometry the EWKB being saved, or null to keep the stored geometry
	 */
	private void refuseChangedLength(AssetKind kind, JsonNode feature, Long id, byte[] geometry) {
		JsonNode sent = feature.path("properties").path(LENGTH_M);
		if (!kind.linear() || sent.isMissingNode() || sent.isNull()) {
			return;
		}
		// A read gives coordinates to 7 decimals: a client writing back a finer line it
		// read sends the stored length beside a line that may measure a centimetre apart.
		JsonNode[] read = (id == null || geometry == null) ? new JsonNode[0]
				: new JsonNode[] { length(this.assets.lengthM(kind, id, null)) };
		InputRules.refuseChanged(feature.path("properties"), List.of(LENGTH_M),
				length(this.assets.lengthM(kind, id, geometry)), read);
	}

	private JsonNode length(BigDecimal lengthM) {
		return this.json.createObjectNode().put(LENGTH_M, lengthM);
	}

	/**
	 * The row's values, checked against the stored rows too: the database would refuse an
	 * unknown reference or a code in use only as a constraint naming no property.
	 * @param id the asset being changed, or null for a new one
	 */
	private Map<String, Object> bind(AssetKind kind, JsonNode properties, Long id) {
		if (!properties.isObject()) {
			throw ApiProblem.badRequest("invalid-attribute", "asset.properties.missing");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		kind.columns().forEach((column) -> values.put(column.name(), column.bind(properties.get(column.name()))));
		kind.columns().forEach((column) -> column.checkCondition(values));
		for (AssetColumn column : kind.columns()) {
			Object value = values.get(column.name());
			if (value != null && column.references() != null
					&& !this.assets.holdReferenced(column.references(), (Long) value)) {
				throw ApiProblem
					.unprocessable("unknown-reference", "asset.reference.unknown", column.name(), column.references(),
							String.valueOf(value))
					.with("property", column.name());
			}
			if (value != null && column.isUnique()) {
				this.assets.idWith(kind, column.name(), value)
					.filter((other) -> !other.equals(id))
					.ifPresent((other) -> {
						throw ApiProblem
							.conflict("duplicate-code", "asset.attribute.taken", column.name(), value,
									String.valueOf(other))
							.with("property", column.name())
							.with("assetId", other);
					});
			}
		}
		return values;
	}

	private String detail(Map<String, Object> values, int version) {
		Map<String, Object> detail = new LinkedHashMap<>(values);
		detail.put("version", version);
		return this.json.writeValueAsString(detail);
	}

	private static ApiProblem notFound(AssetKind kind, long id) {
		return ApiProblem.notFound("asset.unknown", kind.collectionId(), id).with("kind", kind.collectionId());
	}

	/** A GeoJSON Feature as PostGIS wrote it, with the version for the ETag. */
	public record AssetFeature(long id, int version, String geoJson) {
	}

}
