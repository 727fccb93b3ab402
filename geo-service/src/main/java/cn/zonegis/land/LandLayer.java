package cn.zonegis.land;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zonegis.ApiProblem;
import cn.zonegis.NumericColumn;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.GeometryCheck;
import cn.zonegis.geo.GeometryInput;
import cn.zonegis.geo.MeasureSql;
import cn.zonegis.security.Role;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/**
 * The land layers edited as plain features, without a lifecycle: expansion zones (化工园区扩区,
 * 成片开发), enterprises and the registers the half-year report counts (buildings and their
 * certificates, self-built houses, park entry reviews). Each entry names its table and
 * columns and reads its own Feature.
 */
enum LandLayer {

	EXPANSION_ZONE("zones", "expansion_zones", "expansion_zone", Role.PLANNER,
			List.of("code", "name", "kind", "status", "approved_on", "note"),
			String.join(", ", "'area_m2', " + MeasureSql.AREA_M2, "'area_mu', " + MeasureSql.AREA_MU,
					"'area_ha', " + MeasureSql.AREA_HA),
			List.of("area_m2", "area_mu", "area_ha")) {

		@Override
		Row read(JsonNode feature, GeometryCheck check, BBox extent) {
			FeatureProperties p = FeatureProperties.of(feature, "invalid-zone", known());
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

	ENTERPRISE("enterprises", "enterprises", "enterprise", Role.PLANNER,
			List.of("name", "industry", "is_chemical", "relocation_state", "employees", "contact"),
			"'footprint', ST_AsGeoJSON(t.footprint, 9, 0)::json", List.of()) {

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

	},

	/**
	 * 未办证台账: a building on an enterprise's parcel and its land and property certificates.
	 */
	BUILDING("buildings", "buildings", "building", Role.PLANNER,
			List.of("code", "name", "enterprise_id", "parcel_id", "floors", "floor_area_m2", "land_cert_state",
					"land_cert_no", "land_cert_on", "property_cert_state", "property_cert_no", "property_cert_on",
					"missing_reason", "surveyed_on"),
			"'footprint_m2', " + MeasureSql.AREA_M2, List.of("footprint_m2")) {

		@Override
		Row read(JsonNode feature, GeometryCheck check, BBox extent) {
			FeatureProperties p = FeatureProperties.of(feature, "invalid-building", known());
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("code", p.requiredText("code"));
			values.put("name", p.requiredText("name"));
			values.put("enterprise_id", required(p, "enterprise_id", p.count("enterprise_id")));
			values.put("parcel_id", p.count("parcel_id"));
			values.put("floors", required(p, "floors", p.count("floors")));
			values.put("floor_area_m2", required(p, "floor_area_m2", p.nonNegative("floor_area_m2", FLOOR_AREA)));
			certificate(p, values, "land_cert");
			certificate(p, values, "property_cert");
			values.put("missing_reason", p.text("missing_reason"));
			values.put("surveyed_on", required(p, "surveyed_on", p.date("surveyed_on")));
			check.checkCrs(feature.get("crs"));
			return new Row(values, geometries("geom", check.parse(feature.get("geometry"))));
		}

	},

	/**
	 * 自建房排查: a surveyed self-built house, operating or not, its hazard and appraisal;
	 * kept by the safety office.
	 */
	SELF_BUILT_HOUSE("self-built-houses", "self_built_houses", "self_built_house", Role.SAFETY,
			List.of("code", "address", "owner", "floors", "operating", "business", "hazard", "hazard_note",
					"appraisal_state", "appraisal_grade", "appraised_on", "rectification", "surveyed_on"),
			null, List.of()) {

		@Override
		Row read(JsonNode feature, GeometryCheck check, BBox extent) {
			FeatureProperties p = FeatureProperties.of(feature, "invalid-house", known());
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("code", p.requiredText("code"));
			values.put("address", p.requiredText("address"));
			values.put("owner", p.text("owner"));
			values.put("floors", required(p, "floors", p.count("floors")));
			values.put("operating", p.flag("operating"));
			values.put("business", p.text("business"));
			values.put("hazard", p.flag("hazard"));
			values.put("hazard_note", p.text("hazard_note"));
			values.put("appraisal_state", p.choice("appraisal_state", List.of("none", "commissioned", "done"), "none"));
			String grade = p.text("appraisal_grade");
			values.put("appraisal_grade",
					(grade == null) ? null : p.choice("appraisal_grade", List.of("A", "B", "C", "D"), null));
			values.put("appraised_on", p.date("appraised_on"));
			requiredOnlyWhen(p, values, "appraisal_state", "done", "appraisal_grade", "appraised_on");
			values.put("rectification", p.text("rectification"));
			values.put("surveyed_on", required(p, "surveyed_on", p.date("surveyed_on")));
			check.checkCrs(feature.get("crs"));
			return new Row(values, geometries("geom", GeometryInput.read(feature.get("geometry"), "Point", extent)));
		}

	},

	/**
	 * 入园审查: an application to enter a chemical park sub-zone and the review's opinion.
	 */
	PARK_ENTRY_REVIEW("park-entry-reviews", "park_entry_reviews", "park_entry_review", Role.PLANNER,
			List.of("code", "project_name", "applicant", "zone_id", "submitted_on", "outcome", "opinion", "opinion_on"),
			null, List.of()) {

		@Override
		Row read(JsonNode feature, GeometryCheck check, BBox extent) {
			FeatureProperties p = FeatureProperties.of(feature, "invalid-review", known());
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("code", p.requiredText("code"));
			values.put("project_name", p.requiredText("project_name"));
			values.put("applicant", p.requiredText("applicant"));
			values.put("zone_id", required(p, "zone_id", p.count("zone_id")));
			values.put("submitted_on", required(p, "submitted_on", p.date("submitted_on")));
			values.put("outcome",
					p.choice("outcome", List.of("pending", "approved", "conditional", "refused"), "pending"));
			values.put("opinion", p.text("opinion"));
			values.put("opinion_on", p.date("opinion_on"));
			if ("pending".equals(values.get("outcome"))) {
				if (values.get("opinion_on") != null) {
					throw p.notWhen("opinion_on", "outcome", "pending");
				}
			}
			else if (values.get("opinion_on") == null) {
				throw p.missing("opinion_on");
			}
			check.checkCrs(feature.get("crs"));
			return new Row(values, geometries("geom", GeometryInput.read(feature.get("geometry"), "Point", extent)));
		}

	};

	/**
	 * The properties that refer to other rows, and the table each refers to: checked
	 * alike for a Feature sent and a register imported.
	 */
	static final Map<String, String> REFERENCES = Map.of("enterprise_id", "enterprise", "parcel_id", "parcel",
			"zone_id", "expansion_zone");

	/** building.floor_area_m2 is numeric(12,2). */
	private static final NumericColumn FLOOR_AREA = new NumericColumn(12, 2);

	private static final List<String> CERTIFICATE_STATES = List.of("none", "applying", "issued", "cancelled");

	private final String path;

	private final String collectionId;

	private final String table;

	private final Role writer;

	private final List<String> columns;

	private final String computed;

	private final List<String> readOnly;

	LandLayer(String path, String collectionId, String table, Role writer, List<String> columns, String computed,
			List<String> readOnly) {
		this.path = path;
		this.collectionId = collectionId;
		this.table = table;
		this.writer = writer;
		this.columns = columns;
		this.computed = computed;
		this.readOnly = readOnly;
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

	/** The role that creates, changes, imports and deletes the layer's rows. */
	Role writer() {
		return this.writer;
	}

	/**
	 * Published values computed in SQL over alias t, as json_build_object pairs; null
	 * when the layer computes none.
	 */
	String computed() {
		return this.computed;
	}

	/**
	 * What a read publishes that no write sets: the measures of the geometry (an area),
	 * which a client may send back only as the service publishes them.
	 */
	List<String> readOnly() {
		return this.readOnly;
	}

	/**
	 * The properties a read publishes: the layer's columns, its read-only measures, and
	 * what else it writes beside them (an enterprise's footprint).
	 */
	List<String> known(String... written) {
		List<String> known = new ArrayList<>(this.columns);
		known.addAll(this.readOnly);
		known.addAll(Arrays.asList(written));
		return known;
	}

	/**
	 * A certificate's state, number and date: {prefix}_state, {prefix}_no, {prefix}_on.
	 */
	private static void certificate(FeatureProperties p, Map<String, Object> values, String prefix) {
		String state = p.choice(prefix + "_state", CERTIFICATE_STATES, "none");
		values.put(prefix + "_state", state);
		values.put(prefix + "_no", p.text(prefix + "_no"));
		values.put(prefix + "_on", p.date(prefix + "_on"));
		if (state.equals("issued") || state.equals("cancelled")) {
			for (String detail : List.of(prefix + "_no", prefix + "_on")) {
				if (values.get(detail) == null) {
					throw p.missing(detail);
				}
			}
		}
	}

	/**
	 * The given properties are required when the state property has that value, and
	 * refused otherwise.
	 */
	private static void requiredOnlyWhen(FeatureProperties p, Map<String, Object> values, String state, String done,
			String... properties) {
		boolean isDone = done.equals(values.get(state));
		for (String property : properties) {
			if (isDone && values.get(property) == null) {
				throw p.missing(property);
			}
			if (!isDone && values.get(property) != null) {
				throw p.notWhen(property, state, (String) values.get(state));
			}
		}
	}

	private static <T> T required(FeatureProperties p, String name, T value) {
		if (value == null) {
			p.requiredText(name);
		}
		return value;
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
