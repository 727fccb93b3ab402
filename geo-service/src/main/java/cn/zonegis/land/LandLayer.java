package cn.zonegis.land;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.GeometryCheck;
import cn.zonegis.geo.GeometryInput;
import cn.zonegis.geo.MeasureSql;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/**
 * The land layers edited as plain features, without a lifecycle: expansion zones (化工园区扩区,
 * 成片开发) and enterprises. Each entry names its table and columns and reads its own
 * Feature.
 */
enum LandLayer {

	EXPANSION_ZONE("zones", "expansion_zones", "expansion_zone",
			List.of("code", "name", "kind", "status", "approved_on", "note"),
			String.join(", ", "'area_m2', " + MeasureSql.AREA_M2, "'area_mu', " + MeasureSql.AREA_MU,
					"'area_ha', " + MeasureSql.AREA_HA)) {

		@Override
		Row read(JsonNode feature, GeometryCheck check, BBox extent) {
			FeatureProperties p = FeatureProperties.of(feature, "invalid-zone", known("area_m2", "area_mu", "area_ha"));
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("code", p.requiredText("code"));
			values.put("name", p.requiredText("name"));
			values.put("kind", p.choice("kind", List.of("chemical_park_subzone", "contiguous_development"), null));
			values.put("status", p.choice("status", List.of("proposed", "approved"), "proposed"));
			values.put("approved_on", p.date("approved_on"));
			values.put("note", p.text("note"));
			check.checkCrs(feature.get("crs"));
			return new Row(values, geometries("geom", check.parse(feature.get("geometry"))));
		}

	},

	ENTERPRISE("enterprises", "enterprises", "enterprise",
			List.of("name", "industry", "is_chemical", "relocation_state", "employees", "contact"),
			"'footprint', ST_AsGeoJSON(t.footprint, 9, 0)::json") {

		@Override
		Row read(JsonNode feature, GeometryCheck check, BBox extent) {
			FeatureProperties p = FeatureProperties.of(feature, "invalid-enterprise", known("footprint"));
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("name", p.requiredText("name"));
			values.put("industry", p.requiredText("industry"));
			values.put("is_chemical", p.flag("is_chemical"));
			values.put("relocation_state",
					p.choice("relocation_state", List.of("relocate", "convert", "retain", "none"), "none"));
			values.put("employees", p.count("employees"));
			values.put("contact", p.text("contact"));
			JsonNode footprint = p.object("footprint");
			check.checkCrs(feature.get("crs"));
			return new Row(values, geometries("geom", GeometryInput.read(feature.get("geometry"), "Point", extent),
					"footprint", (footprint == null) ? null : check.parse(footprint)));
		}

	};

	private final String path;

	private final String collectionId;

	private final String table;

	private final List<String> columns;

	private final String computed;

	LandLayer(String path, String collectionId, String table, List<String> columns, String computed) {
		this.path = path;
		this.collectionId = collectionId;
		this.table = table;
		this.columns = columns;
		this.computed = computed;
	}

	/** The layer at /api/{path}; the controller's mapping admits only known paths. */
	static LandLayer at(String path) {
		return Arrays.stream(values())
			.filter((l) -> l.path.equals(path))
			.findFirst()
			.orElseThrow(() -> ApiProblem.notFound("problem.path.unknown", path));
	}

	/** Attribute values by column and geometries by column, as read from a Feature. */
	abstract Row read(JsonNode feature, GeometryCheck check, BBox extent);

	String path() {
		return this.path;
	}

	/** The layer's id in the collection registry (OGC API, tiles). */
	String collectionId() {
		return this.collectionId;
	}

	String table() {
		return this.table;
	}

	List<String> columns() {
		return this.columns;
	}

	/** Published values computed in SQL over alias t, as json_build_object pairs. */
	String computed() {
		return this.computed;
	}

	/**
	 * The layer's columns and what it computes or keeps beside them: the properties a
	 * read publishes.
	 */
	List<String> known(String... computed) {
		return Stream.concat(this.columns.stream(), Arrays.stream(computed)).toList();
	}

	private static Map<String, Geometry> geometries(Object... columnsAndGeometries) {
		Map<String, Geometry> geometries = new LinkedHashMap<>();
		for (int i = 0; i < columnsAndGeometries.length; i += 2) {
			geometries.put((String) columnsAndGeometries[i], (Geometry) columnsAndGeometries[i + 1]);
		}
		return geometries;
	}

	/**
	 * One row to write: attributes and geometries by column (a null geometry clears the
	 * column).
	 */
	record Row(Map<String, Object> values, Map<String, Geometry> geometries) {
	}

}
