package cn.zonegis.io;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import cn.zonegis.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parcel exported, edited in a GIS and imported again keeps every value the file
 * carries, and an import never loses a field or undoes a later edit without saying so.
 */
class ImportRoundTripTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String code = "RT" + UUID.randomUUID().toString().substring(0, 8);

	private FileClient planner() {
		return new FileClient(this.port, "planner");
	}

	/** A GeoJSON square of 30 m on free ground, in EPSG:4529, with these properties. */
	private byte[] squareWith(String properties) {
		FreeGround ground = FreeGround.find(this.jdbc);
		double n = ground.northing();
		double e = ground.easting();
		String ring = String.format(Locale.ROOT, "[[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f]]", e, n,
				e + 30, n, e + 30, n + 30, e, n + 30, e, n);
		return ("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4529\"}},"
				+ "\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"" + this.code + "\"," + properties
				+ "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Imports a new parcel carrying a surveyed area and a note; its id. */
	private long importedWithAreaAndNote() {
		FileClient.Result imported = planner().upload("format=geojson&dryRun=false", "new.geojson",
				squareWith("\"name\":\"初测\",\"surveyed_area_m2\":1234.5,\"note\":\"keep me\""));
		assertThat(imported.status()).as(imported.text()).isEqualTo(200);
		return imported.json().get("ids").get(0).asLong();
	}

	private Map<String, Object> stored() {
		return this.jdbc
			.sql("SELECT name, surveyed_area_m2::float8 AS area, note, version FROM zonegis.parcel "
					+ "WHERE code = :code")
			.param("code", this.code)
			.query()
			.singleRow();
	}

	private JsonNode exportedFeature(long id) {
		FileClient.Result exported = planner().download("format=geojson&ids=" + id);
		assertThat(exported.status()).as(exported.text()).isEqualTo(200);
		return exported.json().get("features").get(0);
	}

	private static byte[] collectionOf(JsonNode feature) {
		ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
		collection.putArray("features").add(feature);
		return JSON.writeValueAsBytes(collection);
	}

	@Test
	void aNewParcelKeepsTheSurveyedAreaAndNoteOfItsFile() {
		importedWithAreaAndNote();

		assertThat(stored()).containsEntry("area", 1234.5).containsEntry("note", "keep me");
	}

	@Test
	void anExportRenamedAndImportedAgainKeepsEveryOtherValue() {
		long id = importedWithAreaAndNote();
		JsonNode feature = exportedFeature(id);
		((ObjectNode) feature.get("properties")).put("name", "复测");

		FileClient.Result again = planner().upload("format=geojson&dryRun=false", "edited.geojson",
				collectionOf(feature));

		assertThat(again.status()).as(again.text()).isEqualTo(200);
		assertThat(again.json().get("toUpdate").asInt()).isEqualTo(1);
		assertThat(stored()).containsEntry("name", "复测")
			.containsEntry("area", 1234.5)
			.containsEntry("note", "keep me")
			.containsEntry("version", 2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "shp", "kml", "gpkg" })
	void anExportInAGisFormatImportsBackWithEveryValue(String format) {
		long id = importedWithAreaAndNote();
		FileClient.Result exported = planner().download("format=" + format + "&ids=" + id);
		assertThat(exported.status()).as(exported.text()).isEqualTo(200);

		FileClient.Result again = planner().upload("format=" + format + "&dryRun=false",
				"parcels." + FileFormat.parse(format).extension(), exported.body());

		assertThat(again.status()).as(again.text()).isEqualTo(200);
		assertThat(stored()).containsEntry("name", "初测").containsEntry("area", 1234.5).containsEntry("note", "keep me");
	}

	@Test
	void aFieldTheRegisterCannotHoldIsRefusedNamingItAndTheFeature() {
		long before = rowCount("parcel");

		FileClient.Result refused = planner().upload("format=geojson&dryRun=false", "contract.geojson",
				squareWith("\"合同号\":\"HT-2026-7\""));

		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		JsonNode fault = refused.json().get("features").get(0);
		assertThat(fault.get("code").asString()).isEqualTo(this.code);
		assertThat(fault.get("problems").get(0).get("type").asString()).isEqualTo("unknown-field");
		assertThat(fault.get("problems").get(0).at("/properties/field").asString()).isEqualTo("合同号");
		assertThat(rowCount("parcel")).isEqualTo(before);
	}

	@Test
	void twoFieldsOfOneAttributeThatDisagreeAreRefused() {
		long before = rowCount("parcel");

		FileClient.Result refused = planner().upload("format=geojson&dryRun=false", "notes.geojson",
				squareWith("\"note\":\"keep me\",\"备注\":\"x\""));

		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		JsonNode problem = refused.json().get("features").get(0).get("problems").get(0);
		assertThat(problem.get("type").asString()).isEqualTo("conflicting-fields");
		assertThat(problem.at("/properties/field").asString()).isEqualTo("备注");
		assertThat(rowCount("parcel")).isEqualTo(before);
	}

	@Test
	void anOldExportCannotUndoAColleaguesLaterEdit() {
		long id = importedWithAreaAndNote();
		JsonNode exported = exportedFeature(id);
		ObjectNode colleagues = (ObjectNode) exported.deepCopy();
		((ObjectNode) colleagues.get("properties")).put("holder", "同事改过");
		assertThat(as("planner")
			.put("/api/parcels/" + id, JSON.writeValueAsString(colleagues),
					Map.of("Content-Type", "application/json", "If-Match", "\"1\""))
			.status()).isEqualTo(200);
		((ObjectNode) exported.get("properties")).put("name", "旧文件");

		FileClient.Result refused = planner().upload("format=geojson&dryRun=false", "old.geojson",
				collectionOf(exported));

		assertThat(refused.status()).as(refused.text()).isEqualTo(412);
		JsonNode fault = refused.json().get("features").get(0);
		assertThat(fault.get("code").asString()).isEqualTo(this.code);
		assertThat(fault.get("problems").get(0).get("type").asString()).isEqualTo("stale-version");
		assertThat(stored()).containsEntry("name", "初测").containsEntry("version", 2);
		assertThat(this.jdbc.sql("SELECT holder FROM zonegis.parcel WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("同事改过");
	}

	/** The API's text rules, applied to every text a file gives a parcel. */
	@Nested
	class TextRules {

		private void assertRefusedBeforeGdal(String name, String type) {
			long before = rowCount("parcel");

			FileClient.Result refused = planner().upload("format=geojson&dryRun=false", "text.geojson",
					squareWith("\"name\":" + JSON.writeValueAsString(name)));

			assertThat(refused.status()).as(refused.text()).isEqualTo(400);
			JsonNode problem = refused.json();
			assertThat(problem.get("type").asString()).endsWith(type);
			assertThat(problem.get("property").asString()).isEqualTo("name");
			assertThat(problem.get("feature").asInt()).isZero();
			assertThat(rowCount("parcel")).isEqualTo(before);
		}

		@Test
		void aGeoJsonNameLongerThanTheApiAllowsIsRefused() {
			assertRefusedBeforeGdal("长".repeat(5000), "text-too-long");
		}

		@Test
		void aGeoJsonTextWithNulIsRefusedRatherThanCutAtIt() {
			assertRefusedBeforeGdal("a\u0000b", "invalid-unicode");
		}

		@Test
		void aGeoJsonTextWithANoncharacterIsRefused() {
			assertRefusedBeforeGdal("a\uFFFFb", "invalid-unicode");
		}

		@Test
		void aGeoJsonNameWithBlanksAroundItRefusesItsFeatureRatherThanBeingTrimmed() {
			long before = rowCount("parcel");

			FileClient.Result refused = planner().upload("format=geojson&dryRun=false", "padded.geojson",
					squareWith("\"name\":\"初测 \""));

			assertThat(refused.status()).as(refused.text()).isEqualTo(422);
			JsonNode problem = refused.json().at("/features/0/problems/0");
			assertThat(problem.get("type").asString()).isEqualTo("blanks-around-text");
			assertThat(problem.at("/properties/property").asString()).isEqualTo("name");
			assertThat(rowCount("parcel")).isEqualTo(before);
		}

		@Test
		void aGeoJsonNoteIsStoredAsTheFileHoldsItBlanksAndLineBreaksIncluded() {
			String note = "  第一行\n\t第二行  \n";

			FileClient.Result imported = planner().upload("format=geojson&dryRun=false", "note.geojson",
					squareWith("\"note\":" + JSON.writeValueAsString(note)));

			assertThat(imported.status()).as(imported.text()).isEqualTo(200);
			assertThat(stored()).containsEntry("note", note);
		}

		@Test
		void aKmlNameLongerThanTheApiAllowsRefusesItsFeature() {
			FreeGround ground = FreeGround.find(ImportRoundTripTests.this.jdbc);
			String ring = ImportRoundTripTests.this.jdbc.sql("""
					SELECT string_agg(ST_X(p.geom) || ',' || ST_Y(p.geom), ' ' ORDER BY p.path)
					FROM ST_DumpPoints(ST_Transform(ST_MakeEnvelope(:e, :n, :e + 30, :n + 30, 4529), 4326)) p
					""").param("e", ground.easting()).param("n", ground.northing()).query(String.class).single();
			String kml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\">"
					+ "<Document><Placemark><name>" + "长".repeat(5000) + "</name><ExtendedData>"
					+ "<Data name=\"code\"><value>" + ImportRoundTripTests.this.code + "</value></Data></ExtendedData>"
					+ "<Polygon><outerBoundaryIs><LinearRing><coordinates>" + ring
					+ "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>";
			long before = rowCount("parcel");

			FileClient.Result refused = planner().upload("format=kml&dryRun=false", "long.kml",
					kml.getBytes(StandardCharsets.UTF_8));

			assertThat(refused.status()).as(refused.text()).isEqualTo(422);
			JsonNode problem = refused.json().get("features").get(0).get("problems").get(0);
			assertThat(problem.get("type").asString()).isEqualTo("text-too-long");
			assertThat(problem.at("/properties/property").asString()).isEqualTo("name");
			assertThat(rowCount("parcel")).isEqualTo(before);
		}

	}

}
