package cn.zonegis.ogc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.TestArea;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The requests QGIS's OGC API - Features provider sends to edit a layer, replayed as it
 * sends them (src/providers/wfs/oapif in QGIS 3.32+): {@code computeCapabilities} asks
 * OPTIONS on items and on one item; {@code QgsOapifCreateFeatureRequest} POSTs
 * application/geo+json without an id and reads the id after "/items/" in Location, then
 * GETs it; {@code QgsOapifPatchFeatureRequest} PATCHes application/merge-patch+json with
 * only the geometry (and Content-Crs) or only the changed properties;
 * {@code QgsOapifPutFeatureRequest} (its fallback) PUTs the whole feature with its id;
 * DELETE has no body. None of them sends If-Match. Content-Crs is the layer CRS's bare
 * OGC URI, and coordinates are swapped into that CRS's axis order when it is north first,
 * as EPSG:4490 and EPSG:4550 are. Bodies are nlohmann::json dumps: keys sorted, no
 * spaces. QGIS logs in with HTTP Basic, here with an API token as the password.
 */
class QgisEditingTests extends IntegrationTest {

	private static final String CGCS2000 = "http://www.opengis.net/def/crs/EPSG/0/4490";

	private static final String GAUSS_KRUGER = "http://www.opengis.net/def/crs/EPSG/0/4550";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * What an analyst types into a new feature of each editable collection, and the one
	 * attribute they change afterwards.
	 */
	private static final Map<String, Sample> SAMPLES = Map.ofEntries(
			Map.entry("streetlights",
					new Sample(Map.of("code", "", "circuit", "HL-01", "lamp_type", "led", "power_w", 150, "state",
							"normal"), "power_w", 120)),
			Map.entry("wells",
					new Sample(Map.of("code", "", "kind", "rain", "cover_state", "intact", "depth_m", 3.5), "depth_m",
							4.0)),
			Map.entry("roads",
					new Sample(Map.of("name", "", "road_class", "branch", "surface", "asphalt", "width_m", 12.0),
							"width_m", 16.0)),
			Map.entry("pipes",
					new Sample(Map.of("code", "", "kind", "rain", "diameter_mm", 600, "material", "钢筋混凝土"),
							"diameter_mm", 800)),
			Map.entry("cables",
					new Sample(Map.of("code", "", "circuit", "HL-01", "cable_type", "YJV22-0.6/1kV 4×25", "state",
							"normal"), "cable_type", "YJV22-0.6/1kV 4×35")),
			Map.entry("parcels",
					new Sample(Map.of("code", "", "name", "QGIS 画的地块", "land_use", "工业用地", "status", "planned"), "name",
							"QGIS 改过的地块")),
			Map.entry("expansion_zones",
					new Sample(Map.of("code", "", "name", "QGIS 扩区", "kind", "chemical_park_subzone", "status",
							"proposed"), "note", "QGIS 补充说明")),
			Map.entry("enterprises",
					new Sample(Map.of("name", "", "industry", "仓储业", "is_chemical", false, "relocation_state", "none",
							"employees", 12), "employees", 15)),
			Map.entry("buildings",
					new Sample(Map.of("code", "", "name", "QGIS 测的厂房", "enterprise_id",
							new Lookup("SELECT min(id) FROM zonegis.enterprise"), "floors", 2, "floor_area_m2", 860.5,
							"surveyed_on", "2026-05-12"), "floors", 3)),
			Map.entry("self_built_houses",
					new Sample(Map.of("code", "", "address", "QGIS 路 1 号", "floors", 2, "surveyed_on", "2026-04-20"),
							"floors", 3)),
			Map.entry("park_entry_reviews",
					new Sample(Map.of("code", "", "project_name", "QGIS 项目", "applicant", "某化工公司", "zone_id",
							new Lookup("SELECT min(id) FROM zonegis.expansion_zone"), "submitted_on", "2026-03-02"),
							"applicant", "另一化工公司")));

	/**
	 * Collections whose items stay on record after they end: a parcel is cancelled
	 * through its lifecycle, never deleted.
	 */
	private static final Set<String> KEPT_ON_RECORD = Set.of("parcels");

	/** Who edits a collection: the safety office its survey, planners the rest. */
	private static String writer(String collectionId) {
		return "self_built_houses".equals(collectionId) ? "safety" : "planner";
	}

	/** A value an analyst picks from the zone's own rows, such as an enterprise's id. */
	record Lookup(String sql) {
	}

	@Autowired
	private CollectionRegistry registry;

	/**
	 * @param typed the attributes, a blank one filled with a unique value
	 */
	record Sample(Map<String, Object> typed, String changed, Object changedTo) {
	}

	static Stream<Arguments> editableCollectionsInEachCrs() {
		return SAMPLES.keySet()
			.stream()
			.sorted()
			.flatMap((id) -> Stream.of(Arguments.of(id, CGCS2000), Arguments.of(id, GAUSS_KRUGER)));
	}

	@Test
	void everyEditableCollectionHasASample() {
		assertThat(this.registry.all()
			.stream()
			.map(CollectionDef::id)
			.filter((id) -> this.registry.writer(id).isPresent())
			.toList()).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("editableCollectionsInEachCrs")
	void qgisCreatesChangesAndDeletesWithoutIfMatch(String collectionId, String crs) {
		CollectionDef def = this.registry.get(collectionId);
		Sample sample = SAMPLES.get(collectionId);
		Http qgis = new Http(this.port, writer(collectionId), apiToken(writer(collectionId)));
		String items = "/ogc/collections/" + collectionId + "/items";

		// computeCapabilities: OPTIONS on items, then on an item it read (below, the one
		// it creates: a register may still be empty).
		Http.Response itemsOptions = qgis.send("OPTIONS", items, null, Map.of());
		assertThat(itemsOptions.status()).isEqualTo(200);
		assertThat(allowed(itemsOptions)).contains("POST");

		// addFeatures: POST, id from Location, GET.
		double[] spot = TestArea.nextSpot();
		Map<String, Object> properties = newProperties(collectionId, sample);
		Map<String, Object> feature = new TreeMap<>(Map.of("type", "Feature", "properties", properties, "geometry",
				geometry(def.geometryType(), spot[0], spot[1], crs)));
		Http.Response created = qgis.send("POST", items, json(feature),
				Map.of("Content-Crs", crs, "Content-Type", "application/geo+json"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String location = created.header("Location");
		String id = location.substring(location.lastIndexOf("/items/") + "/items/".length());
		String item = items + "/" + id;
		Http.Response itemOptions = qgis.send("OPTIONS", item, null, Map.of());
		assertThat(allowed(itemOptions)).contains("PUT", "PATCH");
		assertThat(itemOptions.header("Accept-Patch")).isEqualTo("application/merge-patch+json");
		JsonNode read = qgis.get(item).json();
		assertFirstPosition(read, spot[0], spot[1]);
		sample.typed()
			.keySet()
			.forEach((name) -> assertThat(read.get("properties").get(name).asString())
				.isEqualTo(String.valueOf(properties.get(name))));

		// changeGeometryValues with PATCH: the geometry alone, in the layer's CRS.
		double[] moved = { spot[0] + 0.0002, spot[1] + 0.0001 };
		Http.Response geometryPatched = qgis.send("PATCH", item,
				json(Map.of("geometry", geometry(def.geometryType(), moved[0], moved[1], crs))),
				Map.of("Content-Crs", crs, "Content-Type", "application/merge-patch+json"));
		assertThat(geometryPatched.status()).as(geometryPatched.body()).isEqualTo(204);
		assertFirstPosition(qgis.get(item).json(), moved[0], moved[1]);

		// changeAttributeValues with PATCH: the changed properties alone, no Content-Crs.
		Http.Response attributePatched = qgis.send("PATCH", item,
				json(Map.of("properties", Map.of(sample.changed(), sample.changedTo()))),
				Map.of("Content-Type", "application/merge-patch+json"));
		assertThat(attributePatched.status()).as(attributePatched.body()).isEqualTo(204);
		JsonNode patched = qgis.get(item).json();
		assertThat(patched.get("properties").get(sample.changed()).asString())
			.isEqualTo(String.valueOf(sample.changedTo()));
		assertFirstPosition(patched, moved[0], moved[1]);

		// The PUT fallback: every field as the layer holds it, with the id.
		Map<String, Object> allFields = JSON.convertValue(patched.get("properties"), TreeMap.class);
		allFields.put(sample.changed(), sample.changedTo() instanceof String text ? text + "（再改）"
				: (sample.changedTo() instanceof Integer number) ? number + 1 : (Double) sample.changedTo() + 1);
		Map<String, Object> whole = new TreeMap<>(Map.of("type", "Feature", "id", id, "properties", allFields,
				"geometry", geometry(def.geometryType(), spot[0], spot[1], crs)));
		Http.Response replaced = qgis.send("PUT", item, json(whole),
				Map.of("Content-Crs", crs, "Content-Type", "application/geo+json"));
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(204);
		Http.Response afterPut = qgis.get(item);
		assertFirstPosition(afterPut.json(), spot[0], spot[1]);
		assertThat(afterPut.header("ETag")).isEqualTo("\"4\"");

		// deleteFeatures, which QGIS offers only when OPTIONS allows DELETE.
		Http.Response deleted = qgis.send("DELETE", item, null, Map.of());
		if (KEPT_ON_RECORD.contains(collectionId)) {
			assertThat(allowed(itemOptions)).doesNotContain("DELETE");
			assertProblem(deleted, 405, "delete-not-allowed");
			assertThat(allowed(deleted)).containsExactlyInAnyOrderElementsOf(allowed(itemOptions));
			assertThat(qgis.get(item).json().get("properties").get("status").asString()).isEqualTo("planned");
		}
		else {
			assertThat(allowed(itemOptions)).contains("DELETE");
			assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
			assertThat(qgis.get(item).status()).isEqualTo(404);
		}

		List<Map<String, Object>> audit = this.jdbc.sql("""
				SELECT action, username, detail->>'ifMatch' AS if_match FROM zonegis.audit_log
				WHERE entity = :entity AND entity_id = :id ORDER BY id
				""").param("entity", def.table()).param("id", id).query().listOfRows();
		assertThat(audit).hasSize(KEPT_ON_RECORD.contains(collectionId) ? 4 : 5)
			.allSatisfy((entry) -> assertThat(entry.get("username")).isEqualTo(writer(collectionId)));
		assertThat(audit.get(0)).containsEntry("action", "create").containsEntry("if_match", null);
		assertThat(audit.subList(1, audit.size()))
			.allSatisfy((entry) -> assertThat(entry.get("if_match")).isEqualTo("none"));
	}

	@Test
	void aStaleIfMatchIsStillPreconditionFailed() {
		Http planner = as("planner");
		double[] spot = TestArea.nextSpot();
		Map<String, Object> feature = new TreeMap<>(
				Map.of("type", "Feature", "properties", newProperties("streetlights", SAMPLES.get("streetlights")),
						"geometry", geometry("Point", spot[0], spot[1], CGCS2000)));
		String location = planner
			.send("POST", "/ogc/collections/streetlights/items", json(feature),
					Map.of("Content-Crs", CGCS2000, "Content-Type", "application/geo+json"))
			.header("Location");
		String item = location.substring(location.indexOf("/ogc"));
		assertThat(planner
			.send("PATCH", item, "{\"properties\":{\"power_w\":90}}",
					Map.of("Content-Type", "application/merge-patch+json"))
			.status()).isEqualTo(204);
		Http.Response stale = planner.send("DELETE", item, null, Map.of("If-Match", "\"1\""));
		assertProblem(stale, 412);
		assertThat(planner.get(item).status()).isEqualTo(200);
	}

	@Test
	void aViewersQgisMayReadButNotWrite() {
		Http viewer = as("viewer");
		assertThat(viewer.send("OPTIONS", "/ogc/collections/streetlights/items", null, Map.of()).status())
			.isEqualTo(200);
		assertThat(viewer.send("DELETE", "/ogc/collections/streetlights/items/1", null, Map.of()).status())
			.isEqualTo(403);
	}

	@Test
	void aReadOnlyCollectionOffersOnlyReading() {
		String readOnly = this.registry.all()
			.stream()
			.map(CollectionDef::id)
			.filter((id) -> this.registry.writer(id).isEmpty())
			.findFirst()
			.orElseThrow();
		Http.Response options = as("planner").send("OPTIONS", "/ogc/collections/" + readOnly + "/items/unknown_id",
				null, Map.of());
		assertThat(allowed(options)).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
		assertThat(options.header("Accept-Patch")).isNull();
	}

	private String apiToken(String user) {
		return as(user).post("/api/tokens", "{\"name\":\"QGIS\"}").json().get("token").asString();
	}

	/**
	 * Every field of the layer as its queryables publish it: typed ones filled, the rest
	 * (computed ones) null.
	 */
	private Map<String, Object> newProperties(String collectionId, Sample sample) {
		Map<String, Object> properties = new TreeMap<>();
		as("planner").get("/ogc/collections/" + collectionId + "/queryables")
			.json()
			.get("properties")
			.propertyNames()
			.stream()
			.filter((name) -> !"geometry".equals(name))
			.forEach((name) -> properties.put(name, null));
		properties.put("version", null);
		sample.typed().forEach((name, value) -> properties.put(name, typedValue(value)));
		return properties;
	}

	private Object typedValue(Object value) {
		if ("".equals(value)) {
			return "QG-" + UUID.randomUUID().toString().substring(0, 8);
		}
		return (value instanceof Lookup lookup) ? this.jdbc.sql(lookup.sql()).query(Long.class).single() : value;
	}

	/** A small geometry of the type at lon/lat, in the CRS's axis order. */
	private Map<String, Object> geometry(String type, double lon, double lat, String crs) {
		List<Object> first = position(lon, lat, crs);
		return switch (type) {
			case "Point" -> new TreeMap<>(Map.of("type", "Point", "coordinates", first));
			case "LineString" -> new TreeMap<>(Map.of("type", "LineString", "coordinates",
					List.of(first, position(lon + 0.0008, lat + 0.0004, crs))));
			case "MultiLineString" -> new TreeMap<>(Map.of("type", "MultiLineString", "coordinates",
					List.of(List.of(first, position(lon + 0.0008, lat + 0.0004, crs)))));
			case "MultiPolygon" -> {
				double side = 0.0004;
				List<Object> ring = List.of(first, position(lon + side, lat, crs),
						position(lon + side, lat + side, crs), position(lon, lat + side, crs), first);
				yield new TreeMap<>(Map.of("type", "MultiPolygon", "coordinates", List.of(List.of(ring))));
			}
			default -> throw new IllegalArgumentException("no sample geometry for " + type);
		};
	}

	/** lon/lat as QGIS writes it in the CRS: swapped into northing/latitude first. */
	private List<Object> position(double lon, double lat, String crs) {
		if (CGCS2000.equals(crs)) {
			return List.of(lat, lon);
		}
		Map<String, Object> projected = this.jdbc.sql("""
				SELECT ST_Y(p) AS northing, ST_X(p) AS easting
				FROM ST_Transform(ST_SetSRID(ST_MakePoint(:lon, :lat), 4490), 4550) AS p
				""").param("lon", lon).param("lat", lat).query().singleRow();
		return List.of(projected.get("northing"), projected.get("easting"));
	}

	/**
	 * The feature's first position, read longitude first as /ogc serves it by default.
	 */
	private static void assertFirstPosition(JsonNode feature, double lon, double lat) {
		JsonNode position = feature.get("geometry").get("coordinates");
		while (position.get(0).isArray()) {
			position = position.get(0);
		}
		assertThat(position.get(0).asDouble()).isCloseTo(lon, within(1e-7));
		assertThat(position.get(1).asDouble()).isCloseTo(lat, within(1e-7));
	}

	private static List<String> allowed(Http.Response response) {
		List<String> methods = new ArrayList<>();
		for (String method : String.valueOf(response.header("Allow")).split(",")) {
			methods.add(method.strip());
		}
		return methods;
	}

	private static String json(Object body) {
		return JSON.writeValueAsString(body);
	}

}
