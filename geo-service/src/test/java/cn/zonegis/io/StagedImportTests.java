package cn.zonegis.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.zonegis.GdalCommand;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real import of a GIS file goes from GDAL straight into the database and is checked
 * there as a set: what it stores and what it refuses are those of every other import.
 */
class StagedImportTests extends IntegrationTest {

	@TempDir
	private Path dir;

	private final String prefix = "S" + UUID.randomUUID().toString().substring(0, 8) + "-";

	private FileClient planner() {
		return new FileClient(this.port, "planner");
	}

	@Test
	void aShapefileIsStoredWithItsFieldsAndAuditedOnceForTheFileThenReimportedUnchanged() throws Exception {
		FreeGround ground = FreeGround.find(this.jdbc);
		List<String> features = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			features.add(square(ground, this.prefix + i, 40.0 * i, 0, 30, "华远纺织"));
		}
		byte[] zip = shapefile(features);

		FileClient.Result imported = planner().upload("format=shp&dryRun=false", "survey.zip", zip);

		assertThat(imported.status()).as(imported.text()).isEqualTo(200);
		JsonNode report = imported.json();
		assertThat(report.get("features").asInt()).isEqualTo(12);
		assertThat(report.get("toCreate").asInt()).isEqualTo(12);
		assertThat(report.get("crs").asString()).contains("4529");
		assertThat(report.get("ids")).hasSize(12);
		Map<String, Object> first = this.jdbc.sql("""
				SELECT name, land_use, holder, status, ST_Area(ST_Transform(geom, 4529)) AS area_m2
				FROM zonegis.parcel WHERE code = :code""").param("code", this.prefix + "0").query().singleRow();
		assertThat(first).containsEntry("name", "地块 " + this.prefix + "0")
			.containsEntry("land_use", "工业用地")
			.containsEntry("holder", "华远纺织")
			.containsEntry("status", "planned");
		assertThat((Double) first.get("area_m2")).isBetween(899.9, 900.1);
		assertThat(this.jdbc.sql("""
				SELECT detail->>'created' FROM zonegis.audit_log
				WHERE entity = 'parcel' AND action = 'import' AND entity_id IS NULL AND detail->>'file' = 'survey.zip'
				ORDER BY id DESC LIMIT 1""").query(String.class).single()).isEqualTo("12");

		JsonNode again = planner().upload("format=shp&dryRun=false", "survey.zip", zip).json();
		assertThat(again.get("unchanged").asInt()).as(again.toString()).isEqualTo(12);
		assertThat(again.get("toCreate").asInt()).isZero();
	}

	@Test
	void aHolderWithBlanksAroundItRefusesTheFileNamingTheFieldRatherThanBeingTrimmed() throws Exception {
		FreeGround ground = FreeGround.find(this.jdbc);
		byte[] zip = shapefile(List.of(square(ground, this.prefix + "A", 0, 0, 30, "华远纺织"),
				square(ground, this.prefix + "B", 100, 0, 30, "\u3000华远纺织")));

		FileClient.Result refused = planner().upload("format=shp&dryRun=false", "padded.zip", zip);

		assertProblem(refused, 422, "import-refused");
		JsonNode fault = refused.json().get("features").get(0);
		assertThat(fault.get("index").asInt()).isEqualTo(1);
		assertThat(typesOf(fault)).containsExactly("blanks-around-text");
		assertThat(fault.at("/problems/0/properties/property").asString()).isEqualTo("holder");
		assertThat(stored()).isZero();
	}

	@Test
	void overlapsWithinTheFileAndARepeatedCodeRefuseTheWholeFileNamingEachFeature() throws Exception {
		FreeGround ground = FreeGround.find(this.jdbc);
		byte[] zip = shapefile(List.of(square(ground, this.prefix + "A", 0, 0, 30, null),
				square(ground, this.prefix + "B", 10, 0, 30, null), square(ground, this.prefix + "B", 200, 0, 30, null),
				square(ground, this.prefix + "C", 400, 0, 30, null)));

		FileClient.Result refused = planner().upload("format=shp&dryRun=false", "overlaps.zip", zip);

		assertProblem(refused, 422, "import-refused");
		JsonNode faults = refused.json().get("features");
		assertThat(faults).extracting((fault) -> fault.get("code").asString())
			.containsExactly(this.prefix + "A", this.prefix + "B", this.prefix + "B");
		assertThat(faults.get(0).get("index").asInt()).isZero();
		assertThat(typesOf(faults.get(0))).containsExactly("red-line-overlap");
		assertThat(typesOf(faults.get(1))).containsExactly("duplicate-code", "red-line-overlap");
		assertThat(faults.get(2).get("index").asInt()).isEqualTo(2);
		assertThat(typesOf(faults.get(2))).containsExactly("duplicate-code");
		assertThat(stored()).isZero();
	}

	@Test
	void aParcelOverlappingAStoredOneRefusesTheFileNamingTheStoredParcel() throws Exception {
		FreeGround ground = FreeGround.find(this.jdbc);
		FileClient.Result first = planner().upload("format=shp&dryRun=false", "first.zip",
				shapefile(List.of(square(ground, this.prefix + "1", 0, 0, 30, null))));
		assertThat(first.status()).as(first.text()).isEqualTo(200);

		FileClient.Result refused = planner().upload("format=shp&dryRun=false", "second.zip",
				shapefile(List.of(square(ground, this.prefix + "2", 300, 0, 30, null),
						square(ground, this.prefix + "3", 15, 15, 30, null))));

		assertProblem(refused, 422, "import-refused");
		JsonNode fault = refused.json().get("features").get(0);
		assertThat(fault.get("index").asInt()).isEqualTo(1);
		assertThat(fault.get("problems").get(0).get("detail").asString()).contains(this.prefix + "1");
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void aBoundaryCrossingItselfIsRefusedSayingWhereAsForADrawnOne() throws Exception {
		FreeGround ground = FreeGround.find(this.jdbc);
		double n = ground.northing();
		double e = ground.easting();
		String bowTie = String.format(Locale.ROOT,
				"{\"type\":\"Feature\",\"properties\":{\"DKBH\":\"%s\"},\"geometry\":{\"type\":\"Polygon\","
						+ "\"coordinates\":[[[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f]]]}}",
				this.prefix + "X", e, n, e + 30, n + 30, e + 30, n, e, n + 30, e, n);
		byte[] zip = shapefile(List.of(square(ground, this.prefix + "OK", 100, 0, 30, null), bowTie));

		FileClient.Result refused = planner().upload("format=shp&dryRun=false", "bowtie.zip", zip);

		assertProblem(refused, 422, "import-refused");
		JsonNode fault = refused.json().get("features").get(0);
		assertThat(fault.get("index").asInt()).isEqualTo(1);
		assertThat(fault.get("code").asString()).isEqualTo(this.prefix + "X");
		JsonNode problem = fault.get("problems").get(0);
		assertThat(problem.get("type").asString()).isEqualTo("invalid-geometry");
		assertThat(problem.get("properties").get("defect").asString()).isEqualTo("self-intersection");
		assertThat(stored()).isZero();
	}

	@Test
	void aGaussKrugerBoundaryIsStoredAsGdalReprojectsItToTheLastBit() throws Exception {
		FreeGround ground = FreeGround.find(this.jdbc);
		Path shp = shapefileOf(List.of(square(ground, this.prefix + "GK", 0.123, 0.457, 29.871, null)));

		FileClient.Result imported = planner().upload("format=shp&dryRun=false", "gk.zip", zipped(shp));

		assertThat(imported.status()).as(imported.text()).isEqualTo(200);
		Path geojson = this.dir.resolve("gdal-" + UUID.randomUUID() + ".geojson");
		GdalCommand.run("ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:4490", "-lco", "COORDINATE_PRECISION=9",
				geojson.toString(), shp.toString());
		List<Double> byGdal = new ArrayList<>();
		JsonMapper.shared()
			.readTree(geojson.toFile())
			.at("/features/0/geometry/coordinates/0")
			.forEach((point) -> byGdal.addAll(List.of(point.get(0).asDouble(), point.get(1).asDouble())));
		List<Double> stored = new ArrayList<>();
		this.jdbc.sql("""
				SELECT ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat FROM zonegis.parcel, ST_DumpPoints(parcel.geom) AS p
				WHERE code = :code ORDER BY p.path""").param("code", this.prefix + "GK").query((rs, row) -> {
			stored.addAll(List.of(rs.getDouble("lon"), rs.getDouble("lat")));
			return row;
		}).list();
		assertThat(stored).hasSize(10).isEqualTo(byGdal);
	}

	/**
	 * A GeoJSON feature: a square of side metres whose south-west corner lies (dn, de)
	 * metres from the spot, in EPSG:4529, with a surveyor's field names.
	 */
	private static String square(FreeGround ground, String code, double dn, double de, double side, String holder) {
		double s = ground.northing() + dn;
		double w = ground.easting() + de;
		return String.format(Locale.ROOT,
				"{\"type\":\"Feature\",\"properties\":{\"DKBH\":\"%s\",\"DKMC\":\"地块 %s\",\"DKYT\":\"工业用地\"%s},"
						+ "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],"
						+ "[%.3f,%.3f],[%.3f,%.3f]]]}}",
				code, code, (holder == null) ? "" : ",\"QLR\":\"" + holder + "\"", w, s, w, s + side, w + side,
				s + side, w + side, s, w, s);
	}

	/** The features as a zipped Shapefile in EPSG:4529, written by GDAL. */
	private byte[] shapefile(List<String> features) throws IOException {
		return zipped(shapefileOf(features));
	}

	/** The features as a Shapefile in EPSG:4529, written by GDAL; its .shp file. */
	private Path shapefileOf(List<String> features) throws IOException {
		Path source = this.dir.resolve("source-" + UUID.randomUUID() + ".geojson");
		Files.writeString(source,
				"{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4529\"}},"
						+ "\"features\":[" + String.join(",", features) + "]}");
		Path shp = Files.createDirectory(this.dir.resolve("shp-" + UUID.randomUUID())).resolve("survey.shp");
		GdalCommand.run("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shp.toString(), source.toString());
		return shp;
	}

	private static byte[] zipped(Path shp) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out); var files = Files.list(shp.getParent())) {
			for (Path file : files.sorted().toList()) {
				zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
				zip.write(Files.readAllBytes(file));
			}
		}
		return out.toByteArray();
	}

	/** The problem types of one refused feature, in order. */
	private static List<String> typesOf(JsonNode fault) {
		return fault.get("problems").valueStream().map((problem) -> problem.get("type").asString()).toList();
	}

	private long stored() {
		return this.jdbc.sql("SELECT count(*) FROM zonegis.parcel WHERE code LIKE :prefix")
			.param("prefix", this.prefix + "%")
			.query(Long.class)
			.single();
	}

}
