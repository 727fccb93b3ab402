package cn.zonegis.land;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.geo.GeoProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** /api/zones, /api/enterprises and what a zone holds, on the demo zone. */
class ExpansionZoneTests extends IntegrationTest {

	@Autowired
	private GeoProperties geo;

	@AfterEach
	void leaveTheDemoZoneAsItWas() {
		TestGround.clean(this.jdbc);
	}

	private long demoZone(String kind) {
		return this.jdbc.sql("SELECT min(id) FROM zonegis.expansion_zone WHERE kind = :kind")
			.param("kind", kind)
			.query(Long.class)
			.single();
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Map<String, String> ifMatch(String etag) {
		return Map.of("Content-Type", "application/json", "If-Match", etag);
	}

	private static String zone(String code, String kind, String geometry) {
		return """
				{"type":"Feature","geometry":%s,
				 "properties":{"code":"%s","name":"测试扩区","kind":"%s","status":"proposed","note":"test"}}
				""".formatted(geometry, code, kind);
	}

	@Test
	void aChemicalZoneListsItsParcelsEnterprisesAndProjectsWithTotals() {
		long id = demoZone("chemical_park_subzone");
		Http.Response response = as("viewer").get("/api/zones/" + id + "/contents");
		assertThat(response.status()).isEqualTo(200);
		JsonNode contents = response.json();

		Set<String> expected = new HashSet<>(this.jdbc.sql("""
				SELECT p.code FROM zonegis.parcel p, zonegis.expansion_zone z
				WHERE z.id = :id AND p.status <> 'cancelled'
					AND ST_Area(ST_Intersection(p.geom, z.geom)) > 0
				""").param("id", id).query(String.class).list());
		Set<String> listed = new HashSet<>();
		double insideM2 = 0;
		for (JsonNode parcel : contents.get("parcels")) {
			listed.add(parcel.get("code").asString());
			assertThat(parcel.get("areaInside").get("m2").asDouble())
				.isLessThanOrEqualTo(parcel.get("area").get("m2").asDouble() + 0.01);
			if (!"recovered".equals(parcel.get("status").asString())) {
				insideM2 += parcel.get("areaInside").get("m2").asDouble();
			}
		}
		assertThat(listed).isNotEmpty().isEqualTo(expected);
		JsonNode totals = contents.get("totals");
		assertThat(totals.get("parcels").asInt()).isEqualTo(expected.size());
		assertThat(totals.get("parcelAreaInside").get("m2").asDouble()).isCloseTo(insideM2, offset(0.05));
		assertThat(totals.get("parcelAreaInside").get("mu").asDouble()).isCloseTo(insideM2 * 15 / 10000, offset(0.01));
		assertThat(totals.get("parcelAreaInside").get("m2").asDouble())
			.isLessThanOrEqualTo(contents.get("zone").get("area").get("m2").asDouble());

		long enterprises = this.jdbc.sql("""
				SELECT count(*) FROM zonegis.enterprise e, zonegis.expansion_zone z
				WHERE z.id = :id AND (ST_Intersects(e.geom, z.geom) OR ST_Intersects(e.footprint, z.geom))
				""").param("id", id).query(Long.class).single();
		assertThat(contents.get("enterprises").size()).isEqualTo((int) enterprises);
		long relocationTotal = 0;
		for (JsonNode e : contents.get("nonChemicalEnterprises")) {
			assertThat(e.get("chemical").asBoolean()).isFalse();
			assertThat(e.get("relocationState").asString()).isIn("relocate", "convert", "retain", "none");
		}
		for (var entry : totals.get("relocationStates").properties()) {
			relocationTotal += entry.getValue().asLong();
		}
		assertThat(relocationTotal).isEqualTo(contents.get("nonChemicalEnterprises").size());
		assertThat(totals.get("projects").asInt()).isEqualTo(contents.get("projects").size());
	}

	@Test
	void eachParcelInAZoneHasTheAreaItsOwnFeatureStates() {
		int compared = 0;
		for (long id : this.jdbc.sql("SELECT id FROM zonegis.expansion_zone ORDER BY id").query(Long.class).list()) {
			for (JsonNode parcel : as("viewer").get("/api/zones/" + id + "/contents").json().get("parcels")) {
				JsonNode stated = as("viewer").get("/api/parcels/" + parcel.get("id").asLong())
					.json()
					.get("properties");
				JsonNode area = parcel.get("area");
				String code = parcel.get("code").asString();
				assertThat(area.get("m2").decimalValue()).as(code)
					.isEqualByComparingTo(stated.get("area_m2").decimalValue());
				assertThat(area.get("mu").decimalValue()).as(code)
					.isEqualByComparingTo(stated.get("area_mu").decimalValue());
				assertThat(area.get("ha").decimalValue()).as(code)
					.isEqualByComparingTo(stated.get("area_ha").decimalValue());
				compared++;
			}
		}
		assertThat(compared).isGreaterThan(10);
	}

	@Test
	void eachZoneListsTheProjectsOnItsGroundWithTheFootprintInside() {
		int listed = 0;
		for (long id : this.jdbc.sql("SELECT id FROM zonegis.expansion_zone ORDER BY id").query(Long.class).list()) {
			List<String> expected = this.jdbc.sql("""
					SELECT pr.name || ' ' || CASE WHEN ST_CoveredBy(coalesce(pr.footprint, pr.geom), z.geom)
							THEN 'inside' ELSE 'crossing' END || ' ' || round(coalesce(ST_Area(ST_Transform(
							ST_Intersection(pr.footprint, z.geom), :measureSrid)), 0)::numeric, 2)
					FROM zonegis.project pr, zonegis.expansion_zone z
					WHERE z.id = :id AND (ST_Intersects(pr.geom, z.geom) OR ST_Intersects(pr.footprint, z.geom))
					ORDER BY pr.name
					""").param("id", id).param("measureSrid", this.geo.measureSrid()).query(String.class).list();
			List<String> projects = as("viewer").get("/api/zones/" + id + "/contents")
				.json()
				.get("projects")
				.valueStream()
				.map((p) -> p.get("name").asString() + " " + p.get("relation").asString() + " "
						+ p.get("footprintInside").get("m2").decimalValue().setScale(2))
				.toList();
			assertThat(projects).isEqualTo(expected);
			listed += projects.size();
		}
		assertThat(listed).as("projects stand in the demo expansion zones").isPositive();
	}

	@Test
	void aContiguousDevelopmentAreaListsNoRelocations() {
		JsonNode contents = as("viewer").get("/api/zones/" + demoZone("contiguous_development") + "/contents").json();
		assertThat(contents.get("nonChemicalEnterprises").size()).isZero();
		assertThat(contents.get("zone").get("kind").asString()).isEqualTo("contiguous_development");
	}

	@Test
	void aZoneIsCreatedReplacedAndDeletedWithItsVersion() {
		double[] c = TestGround.cell();
		String code = TestGround.code("zone");
		Http.Response created = as("planner").post("/api/zones",
				zone(code, "contiguous_development", TestGround.rectangle(c[0], c[1], 0.002, 0.002)));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		assertThat(created.json().get("properties").get("area_ha").asDouble()).isPositive();
		String location = created.header("Location");

		Http.Response replaced = as("planner").put(location,
				zone(code, "chemical_park_subzone", TestGround.rectangle(c[0], c[1], 0.002, 0.001)),
				Map.of("Content-Type", "application/json", "If-Match", "\"1\""));
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
		assertThat(replaced.json().get("properties").get("kind").asString()).isEqualTo("chemical_park_subzone");

		Http.Response stale = as("planner").put(location,
				zone(code, "chemical_park_subzone", TestGround.rectangle(c[0], c[1], 0.002, 0.001)),
				Map.of("Content-Type", "application/json", "If-Match", "\"1\""));
		assertThat(stale.status()).isEqualTo(412);

		assertThat(as("planner").delete(location, Map.of("If-Match", "\"2\"")).status()).isEqualTo(204);
		assertThat(as("viewer").get(location).status()).isEqualTo(404);
	}

	@Test
	void aZoneReadIsAcceptedBackWithItsAreasAlsoBesideAMovedBoundary() {
		double[] c = TestGround.cell();
		String code = TestGround.code("zone");
		String location = as("planner")
			.post("/api/zones", zone(code, "contiguous_development", TestGround.rectangle(c[0], c[1], 0.002, 0.002)))
			.header("Location");
		ObjectNode read = (ObjectNode) as("viewer").get(location).json();
		Http.Response echoed = as("planner").put(location, read.toString(), ifMatch("\"1\""));
		assertThat(echoed.status()).as(echoed.body()).isEqualTo(200);

		// As QGIS saves a moved boundary: the new geometry, every attribute as it read
		// them.
		read.set("geometry", JSON.readTree(TestGround.rectangle(c[0], c[1], 0.002, 0.001)));
		Http.Response moved = as("planner").put(location, read.toString(), ifMatch("\"2\""));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().path("properties").path("area_m2").decimalValue())
			.isLessThan(read.path("properties").path("area_m2").decimalValue());

		String item = "/ogc/collections/expansion_zones/items/" + read.path("id").asLong();
		JsonNode published = as("viewer").get(item).json().path("properties");
		Http.Response patched = as("planner").send("PATCH", item,
				"{\"properties\":{\"note\":\"QGIS\",\"area_ha\":%s}}".formatted(published.path("area_ha")),
				Map.of("Content-Type", "application/merge-patch+json"));
		assertThat(patched.status()).as(patched.body()).isEqualTo(204);
	}

	@Test
	void anEnterpriseIsAPointWithAnOptionalFootprint() {
		double[] c = TestGround.cell();
		String name = TestGround.code("plant");
		String footprint = TestGround.rectangle(c[0], c[1], 0.001, 0.001);
		Http.Response created = as("planner").post("/api/enterprises", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
				 "properties":{"name":"%s","industry":"纺织业","is_chemical":false,"relocation_state":"relocate",
				  "employees":120,"footprint":%s}}
				""".formatted(c[0] + 0.0005, c[1] + 0.0005, name, footprint));
		assertThat(created.status()).isEqualTo(201);
		JsonNode properties = created.json().get("properties");
		assertThat(properties.get("relocation_state").asString()).isEqualTo("relocate");
		assertThat(properties.get("footprint").get("type").asString()).isEqualTo("MultiPolygon");
		assertThat(as("viewer").get("/api/enterprises").json().get("features").size()).isGreaterThan(30);
	}

	@Nested
	class Refused {

		@Test
		void anUnknownKindIsABadRequestListingTheKinds() {
			Http.Response response = as("planner").post("/api/zones", zone(TestGround.code("zone"), "casino",
					TestGround.rectangle(TestGround.cell()[0], TestGround.cell()[1], 0.001, 0.001)));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("property").asString()).isEqualTo("kind");
			assertThat(response.json().get("allowed").toString()).contains("chemical_park_subzone");
		}

		@Test
		void anAreaOtherThanTheZonesIsUnprocessableNamingItAndNothingIsStored() {
			double[] c = TestGround.cell();
			String code = TestGround.code("zone");
			String square = TestGround.rectangle(c[0], c[1], 0.002, 0.002);
			Http.Response posted = as("planner").post("/api/zones",
					zone(code, "contiguous_development", square).replace("\"note\":\"test\"", "\"area_m2\":5"));
			assertProblem(posted, 422, "read-only-property");
			assertThat(posted.json().path("property").stringValue()).isEqualTo("area_m2");
			Http.Response ogcPosted = as("planner").send("POST", "/ogc/collections/expansion_zones/items",
					zone(code, "contiguous_development", square).replace("\"note\":\"test\"", "\"area_ha\":5"),
					Map.of("Content-Type", "application/geo+json"));
			assertProblem(ogcPosted, 422, "read-only-property");
			assertThat(
					ExpansionZoneTests.this.jdbc.sql("SELECT count(*) FROM zonegis.expansion_zone WHERE code = :code")
						.param("code", code)
						.query(Long.class)
						.single())
				.isZero();

			String location = as("planner").post("/api/zones", zone(code, "contiguous_development", square))
				.header("Location");
			ObjectNode read = (ObjectNode) as("viewer").get(location).json();
			((ObjectNode) read.path("properties")).put("area_mu", 1);
			Http.Response replaced = as("planner").put(location, read.toString(), ifMatch("\"1\""));
			assertProblem(replaced, 422, "read-only-property");
			assertThat(replaced.json().path("property").stringValue()).isEqualTo("area_mu");
			Http.Response patched = as("planner").send("PATCH",
					"/ogc/collections/expansion_zones/items/" + read.path("id").asLong(),
					"{\"properties\":{\"area_ha\":5}}", Map.of("Content-Type", "application/merge-patch+json"));
			assertProblem(patched, 422, "read-only-property");
			assertThat(as("viewer").get(location).header("ETag")).isEqualTo("\"1\"");
		}

		@Test
		void anInvalidZoneBoundaryIsUnprocessable() {
			double[] c = TestGround.cell();
			String bowTie = TestGround.bowTie(c[0], c[1], 0.001);
			Http.Response response = as("planner").post("/api/zones",
					zone(TestGround.code("zone"), "contiguous_development", bowTie));
			assertThat(response.status()).isEqualTo(422);
			assertThat(response.json().get("defect").asString()).isEqualTo("self-intersection");
		}

		@Test
		void anEnterpriseOutsideTheZoneIsUnprocessable() {
			Http.Response response = as("planner").post("/api/enterprises", """
					{"type":"Feature","geometry":{"type":"Point","coordinates":[116.4,39.9]},
					 "properties":{"name":"%s","industry":"纺织业"}}
					""".formatted(TestGround.code("far")));
			assertThat(response.status()).isEqualTo(422);
		}

		@Test
		void aViewerCannotEditZones() {
			assertThat(as("viewer")
				.post("/api/zones",
						zone(TestGround.code("zone"), "contiguous_development",
								TestGround.rectangle(TestGround.cell()[0], TestGround.cell()[1], 0.001, 0.001)))
				.status()).isEqualTo(403);
		}

		@Test
		void hostileAndUnknownIdsAreRefused() {
			assertThat(as("viewer").get("/api/zones/1;DROP/contents").status()).isEqualTo(400);
			assertThat(as("viewer").get("/api/zones/987654321/contents").status()).isEqualTo(404);
			assertThat(as("viewer").get("/api/enterprises/987654321").status()).isEqualTo(404);
		}

		@Test
		void replacingWithoutIfMatchIsRefused() {
			long id = demoZone("contiguous_development");
			assertThat(as("planner").put("/api/zones/" + id, "{}", Map.of("Content-Type", "application/json")).status())
				.isEqualTo(428);
		}

	}

}
