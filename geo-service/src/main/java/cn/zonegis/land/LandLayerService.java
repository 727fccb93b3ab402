package cn.zonegis.land;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.zonegis.ApiProblem;
import cn.zonegis.ETag;
import cn.zonegis.InputRules;
import cn.zonegis.geo.GeoProperties;
import cn.zonegis.geo.GeometryCheck;
import cn.zonegis.security.AuditLog;
import cn.zonegis.security.CurrentRoles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, replaces and deletes the {@link LandLayer}s' rows, each by its layer's writer
 * role: every change versioned, the replaced version kept in land_layer_history, and
 * audited. Tells other features where an enterprise is and which zones are chemical park
 * sub-zones.
 */
@Service
public class LandLayerService {

	private final LandLayerRepository rows;

	private final GeometryCheck check;

	private final GeoProperties geo;

	private final AuditLog audit;

	private final JsonMapper json;

	private final CurrentRoles roles;

	LandLayerService(LandLayerRepository rows, GeometryCheck check, GeoProperties geo, AuditLog audit, JsonMapper json,
			CurrentRoles roles) {
		this.roles = roles;
		this.rows = rows;
		this.check = check;
		this.geo = geo;
		this.audit = audit;
		this.json = json;
	}

	@Transactional(readOnly = true)
	LandLayerRepository.Stored get(LandLayer layer, long id) {
		return this.rows.find(layer, id).orElseThrow(() -> unknown(layer, id));
	}

	/**
	 * The enterprise of that id, as work orders and the pipe network name and place it.
	 */
	@Transactional(readOnly = true)
	public Optional<EnterpriseRef> enterprise(long id) {
		return enterprises(List.of(id)).stream().findFirst();
	}

	/** The enterprises of these ids, by name; an id without an enterprise is left out. */
	@Transactional(readOnly = true)
	public List<EnterpriseRef> enterprises(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : this.rows.enterprises(ids);
	}

	/**
	 * The chemical park sub-zones (化工产业园分区), by code, as the half-year report lists them.
	 */
	@Transactional(readOnly = true)
	public List<ZoneRef> chemicalParkSubzones() {
		return this.rows.zonesOfKind(ZoneContentsService.CHEMICAL_PARK_SUBZONE);
	}

	/** Every version of the row, newest first, also after it was deleted. */
	@Transactional(readOnly = true)
	String history(LandLayer layer, long id) {
		return this.rows.history(layer, id).orElseThrow(() -> unknown(layer, id));
	}

	/** The register's rows as its sheet's columns, for the .xlsx and .csv downloads. */
	@Transactional(readOnly = true)
	List<JsonNode> sheetRows(RegisterSheet sheet) {
		return this.rows.sheetRows(sheet.layer(), sheet.pointGeometry()).stream().map(this.json::readTree).toList();
	}

	@Transactional
	LandLayerRepository.Stored create(LandLayer layer, JsonNode feature) {
		this.roles.require(layer.writer());
		LandLayer.Row row = read(layer, feature);
		long id = this.rows.insert(layer, row, AuditLog.currentUsername());
		this.audit.record("create", layer.table(), id, detail(row));
		return saved(layer, id, feature);
	}

	@Transactional
	LandLayerRepository.Stored replace(LandLayer layer, long id, JsonNode feature, Integer expectedVersion) {
		this.roles.require(layer.writer());
		lock(layer, id, expectedVersion);
		LandLayer.Row row = read(layer, feature);
		LandLayerRepository.Stored stored = get(layer, id);
		String user = AuditLog.currentUsername();
		this.rows.archive(layer, id, "update", user);
		this.rows.update(layer, id, row, user);
		this.audit.record("update", layer.table(), id, detail(row));
		return saved(layer, id, feature, stored);
	}

	@Transactional
	void delete(LandLayer layer, long id, Integer expectedVersion) {
		this.roles.require(layer.writer());
		lock(layer, id, expectedVersion);
		this.rows.archive(layer, id, "delete", AuditLog.currentUsername());
		this.rows.delete(layer, id);
		this.audit.record("delete", layer.table(), id, null);
	}

	/**
	 * The row just written, unless the feature sent a measure (an area) other than the
	 * row publishes now or, for a replace, published before: the write would drop it, so
	 * it is refused and rolled back. Read back, the measures are exactly what reads
	 * publish, by the same SQL and rounding.
	 */
	private LandLayerRepository.Stored saved(LandLayer layer, long id, JsonNode feature,
			LandLayerRepository.Stored... stored) {
		LandLayerRepository.Stored saved = get(layer, id);
		InputRules.refuseChanged(feature.path("properties"), layer.readOnly(), properties(saved),
				Arrays.stream(stored).map(this::properties).toArray(JsonNode[]::new));
		return saved;
	}

	private JsonNode properties(LandLayerRepository.Stored stored) {
		return this.json.readTree(stored.feature()).path("properties");
	}

	/**
	 * The Feature's row, refused with a 422 naming the property when it refers to a row
	 * that does not exist (rather than a constraint violation naming nothing).
	 */
	private LandLayer.Row read(LandLayer layer, JsonNode feature) {
		LandLayer.Row row = layer.read(feature, this.check, this.geo.extentBox());
		LandLayer.REFERENCES.forEach((property, table) -> {
			Object id = row.values().get(property);
			if (id != null && !this.rows.holdReferenced(table, ((Number) id).longValue())) {
				throw ApiProblem.unprocessable("unknown-reference", "land.property.reference", property, table, id)
					.with("property", property);
			}
		});
		return row;
	}

	private void lock(LandLayer layer, long id, Integer expectedVersion) {
		int version = this.rows.lockVersion(layer, id).orElseThrow(() -> unknown(layer, id));
		ETag.requireCurrent(expectedVersion, version, "land.stale", id);
	}

	private static ApiProblem unknown(LandLayer layer, long id) {
		return ApiProblem.notFound("land.unknown", layer.path(), id);
	}

	private String detail(LandLayer.Row row) {
		return this.json.writeValueAsString(row.values());
	}

}
