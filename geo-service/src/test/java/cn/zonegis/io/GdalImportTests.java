package cn.zonegis.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import java.util.stream.Collectors;

import cn.zonegis.GdalCommand;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files GDAL reads for the import: CRS as GDAL understood it, encodings, field mapping,
 * hostile files.
 */
class GdalImportTests extends IntegrationTest {

	private FileClient planner() {
		return new FileClient(this.port, "planner");
	}

	/**
	 * A GeoJSON square of 30 m on free ground, written in EPSG:4529 with its own field
	 * names.
	 */
	private byte[] squareIn4529(String code) {
		return squareIn4529(code, "");
	}

	/** The same square with a height on every vertex. */
	private byte[] squareIn4529WithHeight(String code, double height) {
		return squareIn4529(code, String.format(Locale.ROOT, ",%.3f", height));
	}

	private byte[] squareIn4529(String code, String height) {
		FreeGround ground = FreeGround.find(this.jdbc);
		double n = ground.northing();
		double e = ground.easting();
		StringBuilder ring = new StringBuilder("[");
		for (double[] corner : new double[][] { { e, n }, { e + 30, n }, { e + 30, n + 30 }, { e, n + 30 },
				{ e, n } }) {
			ring.append((ring.length() > 1) ? "," : "")
				.append(String.format(Locale.ROOT, "[%.3f,%.3f%s]", corner[0], corner[1], height));
		}
		ring.append(']');
		return ("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4529\"}},"
				+ "\"features\":[{\"type\":\"Feature\",\"properties\":{\"DKBH\":\"" + code
				+ "\",\"MC\":\"映射地块\",\"YT\":\"工业用地\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring
				+ "]}}]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void fieldMappingAndTheFilesOwnCrsAreHonoured() {
		String code = "G" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode report = planner()
			.upload("dryRun=true&format=geojson&codeField=DKBH&nameField=MC&landUseField=YT", "mapped.geojson",
					squareIn4529(code))
			.json();
		assertThat(report.get("crs").asString()).contains("4529");
		JsonNode item = report.get("items").get(0);
		assertThat(item.get("code").asString()).isEqualTo(code);
		assertThat(item.get("name").asString()).isEqualTo("映射地块");
		assertThat(item.get("areaM2").asDouble()).isBetween(899.0, 901.0);
		assertThat(item.get("valid").asBoolean()).isTrue();
	}

	@Test
	void heightsOfZeroAreAPlaneDrawingAndRealHeightsAreRefusedNamingThePosition() {
		String code = "Z" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode flat = planner()
			.upload("dryRun=true&format=geojson&nameField=MC&landUseField=YT", "flat.geojson",
					squareIn4529WithHeight(code, 0))
			.json()
			.get("items")
			.get(0);
		assertThat(flat.get("valid").asBoolean()).as(flat.toString()).isTrue();
		assertThat(flat.get("areaM2").asDouble()).isBetween(899.0, 901.0);

		JsonNode raised = planner()
			.upload("dryRun=true&format=geojson&nameField=MC&landUseField=YT", "raised.geojson",
					squareIn4529WithHeight(code, 12.5))
			.json()
			.get("items")
			.get(0);
		assertThat(raised.get("valid").asBoolean()).isFalse();
		JsonNode problem = raised.get("problems").get(0);
		assertThat(problem.toString()).contains("too-many-dimensions");
		assertThat(problem.get("detail").asString()).contains("12.5");
	}

	@Test
	void gbkShapefileWithoutCpgReadsWithTheChosenEncoding() {
		byte[] withoutCpg = rezip(SampleFilesTests.sample("parcels.zip"), null);
		JsonNode report = planner().upload("dryRun=true&format=shp&encoding=CP936", "gbk.zip", withoutCpg).json();
		assertThat(report.get("items").findValuesAsString("name")).contains("广卓新材料地块");
	}

	@Test
	void closedPolylinesOfACadDrawingBecomeParcels(@TempDir Path dir) throws Exception {
		FreeGround ground = FreeGround.find(this.jdbc);
		double n = ground.northing();
		double e = ground.easting() - 41_000_000;
		String line = String.format(Locale.ROOT, "[[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f]]", e, n,
				e + 40, n, e + 40, n + 25, e, n + 25, e, n);
		Path lines = dir.resolve("lines.geojson");
		Files.writeString(lines,
				"{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
						+ "\"properties\":{\"code\":\"CAD-1\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
						+ line + "}}]}");
		Path dxf = dir.resolve("drawing.dxf");
		GdalCommand.run("ogr2ogr", "-f", "DXF", dxf.toString(), lines.toString(), "-sql",
				"SELECT code AS Layer FROM lines");
		JsonNode report = planner().upload("dryRun=true&format=dxf&srid=4550", "drawing.dxf", Files.readAllBytes(dxf))
			.json();
		JsonNode item = report.get("items").get(0);
		assertThat(item.get("code").asString()).isEqualTo("CAD-1");
		assertThat(item.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
		assertThat(item.get("areaM2").asDouble()).isBetween(999.0, 1001.0);
		assertThat(item.get("valid").asBoolean()).isTrue();
	}

	@Nested
	class Refusals {

		@Test
		void zipEntryClimbingOutOfTheFolderIsRefused() {
			byte[] evil = rezip(SampleFilesTests.sample("parcels.zip"), "../../evil.shp");
			FileClient.Result result = planner().upload("dryRun=true&format=shp", "evil.zip", evil);
			assertThat(result.status()).isEqualTo(400);
			assertThat(result.json().get("type").asString()).endsWith("/unsafe-zip");
		}

		@Test
		void gdalVirtualPathInTheFileNameIsRefused() {
			FileClient.Result result = planner().upload("dryRun=true&format=kml", "/vsicurl/http:__example.com_a.kml",
					SampleFilesTests.sample("parcels.kml"));
			assertThat(result.status()).isEqualTo(400);
			assertThat(result.json().get("type").asString()).endsWith("/unsafe-zip");
		}

		@Test
		void dxfWithoutCrsAsksForOne() {
			FileClient.Result result = planner().upload("dryRun=true&format=dxf", "parcels.dxf",
					SampleFilesTests.sample("parcels.dxf"));
			assertThat(result.status()).isEqualTo(422);
			assertThat(result.json().get("type").asString()).endsWith("/missing-crs");
		}

		@Test
		void anUnknownCrsIsRefused() {
			FileClient.Result result = planner().upload("dryRun=true&format=dxf&srid=999999", "parcels.dxf",
					SampleFilesTests.sample("parcels.dxf"));
			assertThat(result.status()).isEqualTo(422);
			assertThat(result.json().get("type").asString()).endsWith("/unknown-crs");
		}

		@Test
		void aZippedShapefileWhoseLayerNameIsAnOptionIsRefusedNamingTheLayer(@TempDir Path dir) throws Exception {
			String code = "OPT" + UUID.randomUUID().toString().substring(0, 8);
			Path square = dir.resolve("square.geojson");
			Files.write(square, squareIn4529(code));
			GdalCommand.run("ogr2ogr", "-f", "ESRI Shapefile", dir.resolve("square.shp").toString(), square.toString());
			ByteArrayOutputStream zip = new ByteArrayOutputStream();
			try (ZipOutputStream out = new ZipOutputStream(zip)) {
				for (String extension : new String[] { "shp", "shx", "dbf", "prj" }) {
					out.putNextEntry(new ZipEntry("-oo." + extension));
					out.write(Files.readAllBytes(dir.resolve("square." + extension)));
				}
			}
			assertRefusedAsOptionLike(
					planner().upload("dryRun=false&format=shp&codeField=DKBH", "-oo.zip", zip.toByteArray()), "-oo",
					code);
		}

		@Test
		void aGeoJsonWhoseLayerNameIsAnOptionIsRefusedNamingTheLayer() {
			String code = "OPT" + UUID.randomUUID().toString().substring(0, 8);
			String named = new String(squareIn4529(code), StandardCharsets.UTF_8).replaceFirst(
					"^\\{\"type\":\"FeatureCollection\",", "{\"type\":\"FeatureCollection\",\"name\":\"-sql\",");
			assertThat(named).contains("\"name\":\"-sql\"");
			assertRefusedAsOptionLike(planner().upload("dryRun=false&format=geojson&codeField=DKBH", "named.geojson",
					named.getBytes(StandardCharsets.UTF_8)), "-sql", code);
		}

		/** A 400 naming the layer, with nothing imported. */
		private void assertRefusedAsOptionLike(FileClient.Result result, String layer, String code) {
			assertThat(result.status()).as(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo(400);
			JsonNode problem = result.json();
			assertThat(problem.get("type").asString()).endsWith("/unsafe-layer-name");
			assertThat(problem.get("layer").asString()).isEqualTo(layer);
			assertThat(problem.get("detail").asString()).contains("“" + layer + "”");
			assertThat(GdalImportTests.this.jdbc.sql("SELECT count(*) FROM zonegis.parcel WHERE :code IN (code, name)")
				.param("code", code)
				.query(Long.class)
				.single()).isZero();
		}

		@Test
		void aFileGdalCannotReadIsABadRequest() {
			FileClient.Result result = planner().upload("dryRun=true&format=gpkg", "x.gpkg",
					"SELECT * FROM parcel; --".getBytes(StandardCharsets.UTF_8));
			assertThat(result.status()).isEqualTo(400);
			assertThat(result.json().get("type").asString()).endsWith("/unreadable-file");
		}

	}

	/**
	 * A ring whose last position is not its first is refused as a drawn one is, whatever
	 * GDAL would make of it, and closed only when the request allows repairs.
	 */
	@Nested
	class OpenRings {

		@Test
		void anOpenGeoJsonRingRefusesTheImportNamingTheFeatureAndTheRingAndStoresNothing() {
			String code = "O" + UUID.randomUUID().toString().substring(0, 8);
			FileClient.Result refused = planner().upload("format=geojson&dryRun=false", "open.geojson",
					geoJson(code, openSquare()));

			assertProblem(refused, 422, "import-refused");
			JsonNode fault = refused.json().get("features").get(0);
			assertThat(fault.get("code").asString()).isEqualTo(code);
			JsonNode problem = fault.get("problems").get(0);
			assertThat(problem.get("type").asString()).isEqualTo("ring-open");
			assertThat(problem.get("properties").get("ring").asInt()).isEqualTo(1);
			assertThat(problem.get("properties").get("parameter").asString()).isEqualTo("repair");
			assertThat(storedCount(code)).isZero();
		}

		@Test
		void anOpenKmlRingRefusesTheImportAndStoresNothing() {
			String code = "K" + UUID.randomUUID().toString().substring(0, 8);
			StringBuilder coordinates = new StringBuilder();
			for (double[] position : openSquare()) {
				coordinates.append(String.format(Locale.ROOT, "%.9f,%.9f ", position[0], position[1]));
			}
			String kml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\">"
					+ "<Document><Placemark><name>" + code + "</name><ExtendedData><Data name=\"code\"><value>" + code
					+ "</value></Data></ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>" + coordinates
					+ "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>";

			FileClient.Result refused = planner().upload("format=kml&dryRun=false", "open.kml",
					kml.getBytes(StandardCharsets.UTF_8));

			assertProblem(refused, 422, "import-refused");
			JsonNode problem = refused.json().get("features").get(0).get("problems").get(0);
			assertThat(problem.get("type").asString()).as(refused.text()).isEqualTo("ring-open");
			assertThat(storedCount(code)).isZero();
		}

		@Test
		void withRepairAnOpenRingIsClosedWithItsFirstPositionAndListedAsRepaired() {
			String code = "R" + UUID.randomUUID().toString().substring(0, 8);
			FileClient.Result imported = planner().upload("format=geojson&dryRun=false&repair=true", "open.geojson",
					geoJson(code, openSquare()));

			assertThat(imported.status()).as(imported.text()).isEqualTo(200);
			JsonNode repaired = imported.json().get("repaired").get(0);
			assertThat(repaired.get("code").asString()).isEqualTo(code);
			assertThat(repaired.get("repairs").get(0).get("type").asString()).isEqualTo("ring-closed");
			assertThat(storedCount(code)).isOne();
			assertThat(GdalImportTests.this.jdbc.sql("SELECT ST_NPoints(geom) FROM zonegis.parcel WHERE code = :code")
				.param("code", code)
				.query(Integer.class)
				.single()).isEqualTo(5);
		}

		/**
		 * A 30 m square on free ground in lon/lat, its four corners without the closing
		 * one.
		 */
		private List<double[]> openSquare() {
			FreeGround ground = FreeGround.find(GdalImportTests.this.jdbc);
			double n = ground.northing();
			double e = ground.easting();
			List<double[]> corners = new ArrayList<>();
			for (double[] corner : new double[][] { { e, n }, { e + 30, n }, { e + 30, n + 30 }, { e, n + 30 } }) {
				corners.add(GdalImportTests.this.jdbc.sql("""
						SELECT ST_X(g) AS lon, ST_Y(g) AS lat
						FROM ST_Transform(ST_SetSRID(ST_MakePoint(:e, :n), 4529), 4490) AS g
						""")
					.param("e", corner[0])
					.param("n", corner[1])
					.query((rs, row) -> new double[] { rs.getDouble("lon"), rs.getDouble("lat") })
					.single());
			}
			return corners;
		}

		private byte[] geoJson(String code, List<double[]> ring) {
			String positions = ring.stream()
				.map((p) -> String.format(Locale.ROOT, "[%.9f,%.9f]", p[0], p[1]))
				.collect(Collectors.joining(","));
			return ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\""
					+ code + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + positions + "]]}}]}")
				.getBytes(StandardCharsets.UTF_8);
		}

		private long storedCount(String code) {
			return GdalImportTests.this.jdbc.sql("SELECT count(*) FROM zonegis.parcel WHERE :code IN (code, name)")
				.param("code", code)
				.query(Long.class)
				.single();
		}

	}

	/**
	 * The sample zip without its .cpg, and with one more entry under the given name when
	 * not null.
	 */
	static byte[] rezip(byte[] zip, String extraEntry) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream rezipped = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (!entry.getName().endsWith(".cpg")) {
					rezipped.putNextEntry(new ZipEntry(entry.getName()));
					in.transferTo(rezipped);
				}
			}
			if (extraEntry != null) {
				rezipped.putNextEntry(new ZipEntry(extraEntry));
				rezipped.write(1);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
