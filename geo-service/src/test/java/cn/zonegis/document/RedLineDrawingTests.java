package cn.zonegis.document;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.TestArea;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * GET /api/parcels/{id}/red-line.pdf and the issued drawings: read back with PDFBox and
 * checked against what PostGIS computes in the measuring CRS.
 */
class RedLineDrawingTests extends IntegrationTest {

	private static final String PREFIX = "TEST-DRAW-";

	/**
	 * A boundary row of the point table: point, ring, X (northing), Y (easting), edge.
	 */
	private static final Pattern ROW = Pattern
		.compile("^(J\\d+)\\s+(\\d+)\\s+(\\d+\\.\\d{3})\\s+(\\d+\\.\\d{3})\\s+(\\d+\\.\\d{2})\\s*$", Pattern.MULTILINE);

	private static final Pattern AREA = Pattern
		.compile("用地面积：(\\d+\\.\\d{2}) 平方米 = (\\d+\\.\\d{4}) 亩 = (\\d+\\.\\d{4}) 公顷");

	@AfterEach
	void removeTestParcels() {
		this.jdbc.sql("DELETE FROM zonegis.parcel WHERE code LIKE :prefix").param("prefix", PREFIX + "%").update();
	}

	@Test
	void everyBoundaryPointIsWhatPostGisTransformsTheStoredVertexTo() throws IOException {
		long id = create("points", "红线图测试地块", ringWithHole(TestArea.nextCell(), 30));
		Http.Download pdf = as("viewer").download("/api/parcels/" + id + "/red-line.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			List<double[]> vertices = planeVertices(id);
			assertThat(vertices).hasSize(34);
			assertThat(document.getNumberOfPages()).isEqualTo(1 + (34 + 24) / 25);
			String text = new PDFTextStripper().getText(document);
			List<double[]> rows = new ArrayList<>();
			Matcher row = ROW.matcher(text);
			while (row.find()) {
				rows.add(new double[] { Double.parseDouble(row.group(3)), Double.parseDouble(row.group(4)),
						Double.parseDouble(row.group(5)), Integer.parseInt(row.group(2)) });
			}
			assertThat(rows).hasSize(vertices.size());
			for (double[] listed : rows) {
				assertThat(vertices).as("row X %.3f Y %.3f", listed[0], listed[1])
					.anySatisfy((
							v) -> assertThat(Math.abs(v[0] - listed[0]) <= 0.001 && Math.abs(v[1] - listed[1]) <= 0.001)
								.isTrue());
			}
			for (int i = 0; i < rows.size(); i++) {
				double[] here = rows.get(i);
				double[] next = nextInRing(rows, i);
				double edge = edgeBetween(id, here, next);
				assertThat(here[2]).as("edge from row %d", i + 1).isCloseTo(edge, within(0.01));
			}
			Matcher area = AREA.matcher(text.replaceAll("\\s*\\n\\s*", ""));
			assertThat(area.find()).as(text).isTrue();
			double planeArea = this.jdbc
				.sql("SELECT ST_Area(ST_Transform(geom, 4550)) FROM zonegis.parcel WHERE id = :id")
				.param("id", id)
				.query(Double.class)
				.single();
			assertThat(Double.parseDouble(area.group(1))).isCloseTo(planeArea, within(0.005));
			assertThat(Double.parseDouble(area.group(2))).isCloseTo(planeArea * 15 / 10000, within(0.00005));
			assertThat(Double.parseDouble(area.group(3))).isCloseTo(planeArea / 10000, within(0.00005));
			assertThat(text).contains("2000国家大地坐标系", "3°带", "中央子午线 123°E", "Y 坐标不含带号", "比例尺 1:");
		}
		Path png = render(pdf.body(), "red-line-points");
		assertThat(Files.size(png)).isGreaterThan(10_000);
	}

	@Test
	void aDemoParcelIsDrawnWithItsNeighboursAndRoads() throws IOException {
		long id = this.jdbc.sql("""
				SELECT p.id FROM zonegis.parcel p
				WHERE p.code NOT LIKE 'TEST-%' AND p.status NOT IN ('cancelled', 'recovered')
					AND EXISTS (SELECT 1 FROM zonegis.road r WHERE ST_DWithin(r.geom, p.geom, 0.001))
				ORDER BY p.code LIMIT 1
				""").query(Long.class).single();
		Http.Download pdf = as("viewer").download("/api/parcels/" + id + "/red-line.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String mapPage = pageText(document, 1);
			String neighbour = this.jdbc.sql("""
					SELECT n.code FROM zonegis.parcel n, zonegis.parcel p
					WHERE p.id = :id AND n.id <> p.id AND ST_Touches(n.geom, p.geom)
						AND n.status NOT IN ('cancelled', 'recovered')
					ORDER BY n.code LIMIT 1
					""").param("id", id).query(String.class).optional().orElse("");
			assertThat(mapPage).contains("用地红线图", "北", neighbour);
		}
		render(pdf.body(), "red-line-demo");
	}

	@Test
	void anIssuedDrawingStaysByteIdenticalAfterTheBoundaryChanges() throws IOException {
		double[] cell = TestArea.nextCell();
		long id = create("issued", "出具测试", rectangle(cell, 0.001));
		Http planner = as("planner");
		assertThat(planner.post("/api/parcels/" + id + "/transitions", "{\"to\":\"red_line_issued\"}").status())
			.isEqualTo(200);
		JsonNode issued = planner.get("/api/parcels/" + id + "/red-line-drawings").json();
		assertThat(issued.size()).isEqualTo(1);
		assertThat(issued.get(0).get("parcelVersion").asInt()).isEqualTo(2);
		assertThat(issued.get(0).get("issuedBy").asString()).isEqualTo("planner");
		String href = issued.get(0).get("href").asString();
		byte[] first = planner.download(href).body();
		assertThat(RedLineDrawings.sha256(first)).isEqualTo(issued.get(0).get("sha256").asString());
		assertThat(planner.download("/api/parcels/" + id + "/red-line.pdf").body()).isEqualTo(first);

		Http.Response edited = planner.put("/api/parcels/" + id,
				feature(code("issued-edit"), "出具测试", rectangle(cell, 0.0015)),
				Map.of("Content-Type", "application/json", "If-Match", "\"2\""));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);

		assertThat(planner.download(href).body()).isEqualTo(first);
		assertThat(planner.download("/api/parcels/" + id + "/red-line.pdf").body()).isNotEqualTo(first);
		Map<String, byte[]> zip = unzip(
				planner.download("/api/parcels/export?format=geojson&drawings=true&ids=" + id + ",1").body());
		assertThat(zip).containsKey("parcels.geojson");
		assertThat(zip).containsEntry(
				"red-line/" + RedLineDrawings.fileName(issued.get(0).get("drawingNumber").asString()), first);
		assertThat(zip).hasSize(2);
		assertThatThrownBy(
				() -> this.jdbc.sql("UPDATE zonegis.red_line_drawing SET drawing_number = 'x' WHERE parcel_id = :id")
					.param("id", id)
					.update())
			.rootCause()
			.hasMessageContaining("never changed");
		long audited = this.jdbc
			.sql("SELECT count(*) FROM zonegis.audit_log WHERE action = 'issue_red_line_drawing' AND entity_id = :id")
			.param("id", Long.toString(id))
			.query(Long.class)
			.single();
		assertThat(audited).isEqualTo(1);
	}

	@Test
	void aHostileNameIsDrawnAsText() throws IOException {
		String name = ("<script>alert('红线')</script>&amp;𠀋" + "开发区地块名称".repeat(40)).substring(0, 190) + "𠀋";
		long id = create("hostile", name, rectangle(TestArea.nextCell(), 0.0008));
		Http.Download pdf = as("viewer").download("/api/parcels/" + id + "/red-line.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String text = pageText(document, 1).replaceAll("\\s*\\n\\s*", "");
			assertThat(text).contains("地块名称：" + name);
		}
		render(pdf.body(), "red-line-hostile");
	}

	@Test
	void aCodeOfSixtyFourChineseCharactersFitsItsBoxesWithoutOverprintingOrLeavingThePage() throws IOException {
		String digits = Long.toString(System.nanoTime())
			.chars()
			.mapToObj((d) -> "〇一二三四五六七八九".substring(d - '0', d - '0' + 1))
			.collect(Collectors.joining());
		String code = PREFIX + digits + "界".repeat(64 - PREFIX.length() - digits.length());
		Http.Response created = as("planner").post("/api/parcels",
				feature(code, "长编号地块", ringWithHole(TestArea.nextCell(), 30)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Http.Download pdf = as("viewer")
			.download("/api/parcels/" + created.json().get("id").asLong() + "/red-line.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			assertThat(document.getNumberOfPages()).isEqualTo(3);
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				List<TextRun> runs = TextRun.of(document, page);
				String all = pageText(document, page).replaceAll("\\s+", "");
				assertThat(all).as("page %d", page).contains("地块编号：" + code, "图号：" + code + "-1");
				float width = document.getPage(page - 1).getMediaBox().getWidth();
				float height = document.getPage(page - 1).getMediaBox().getHeight();
				for (TextRun run : runs) {
					assertThat(run.left() >= 0 && run.right() <= width && run.top() >= 0 && run.bottom() <= height)
						.as("page %d: %s inside the page %s × %s", page, run, width, height)
						.isTrue();
				}
				for (int i = 0; i < runs.size(); i++) {
					for (int j = i + 1; j < runs.size(); j++) {
						assertThat(runs.get(i).overlaps(runs.get(j)))
							.as("page %d: %s over %s", page, runs.get(i), runs.get(j))
							.isFalse();
					}
				}
			}
		}
		render(pdf.body(), "red-line-long-code");
	}

	/**
	 * One run of text as PDFBox reads it back (a word of a line), in points from the
	 * page's top left: the box of its glyphs from Noto Sans CJK's descent (0.12 em) below
	 * the baseline to its ascent (0.88 em) above, turned with the text (the grid's
	 * northings run upwards).
	 */
	record TextRun(String text, float left, float right, float top, float bottom) {

		static List<TextRun> of(PDDocument document, int page) throws IOException {
			float height = document.getPage(page - 1).getMediaBox().getHeight();
			List<TextRun> runs = new ArrayList<>();
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void writeString(String text, List<TextPosition> positions) {
					float left = Float.MAX_VALUE;
					float right = -Float.MAX_VALUE;
					float top = Float.MAX_VALUE;
					float bottom = -Float.MAX_VALUE;
					for (TextPosition glyph : positions) {
						float advance = glyph.getWidthDirAdj() / glyph.getFontSizeInPt();
						for (float[] corner : new float[][] { { 0, -0.12f }, { advance, -0.12f }, { 0, 0.88f },
								{ advance, 0.88f } }) {
							Point2D.Float at = glyph.getTextMatrix().transformPoint(corner[0], corner[1]);
							left = Math.min(left, at.x);
							right = Math.max(right, at.x);
							top = Math.min(top, height - at.y);
							bottom = Math.max(bottom, height - at.y);
						}
					}
					runs.add(new TextRun(text, left, right, top, bottom));
				}
			};
			stripper.setStartPage(page);
			stripper.setEndPage(page);
			stripper.getText(document);
			return runs;
		}

		boolean overlaps(TextRun other) {
			return this.left < other.right && other.left < this.right && this.top < other.bottom
					&& other.top < this.bottom;
		}

	}

	@Nested
	class Refused {

		@Test
		void anUnknownParcelIsNotFound() {
			Http.Response response = as("viewer").get("/api/parcels/987654321/red-line.pdf");
			assertProblem(response, 404);
		}

		@Test
		void aHostileIdIsABadRequest() {
			Http.Response response = as("viewer").get("/api/parcels/1;DROP/red-line.pdf");
			assertProblem(response, 400);
		}

		@Test
		void aCancelledParcelGetsNoDrawing() {
			long id = create("cancelled", "注销测试", rectangle(TestArea.nextCell(), 0.001));
			assertThat(as("planner").delete("/api/parcels/" + id, Map.of()).status()).isEqualTo(200);
			Http.Response response = as("viewer").get("/api/parcels/" + id + "/red-line.pdf");
			assertProblem(response, 409, "red-line-drawing-ended");
		}

		@Test
		void aParcelWithoutABoundaryGetsNoDrawing() {
			// The API never stores an empty boundary; an old import or a hand edit could.
			long id = RedLineDrawingTests.this.jdbc.sql("""
					INSERT INTO zonegis.parcel (code, name, geom, created_by, updated_by)
					VALUES (:code, '无图形', 'SRID=4490;MULTIPOLYGON EMPTY'::geometry, 'test', 'test') RETURNING id
					""").param("code", code("empty")).query(Long.class).single();
			Http.Response response = as("viewer").get("/api/parcels/" + id + "/red-line.pdf");
			assertProblem(response, 422, "parcel-without-geometry");
			assertThat(response.json().get("detail").asString()).contains("没有红线范围");
		}

		@Test
		void aNameTheFontCannotDrawIsRefusedNamingTheNameTheCharacterAndItsCodePoint() {
			// U+20000 is in no face of Noto Sans CJK; the parcel itself is valid.
			long id = create("undrawable-name", "𠀀地块", rectangle(TestArea.nextCell(), 0.001));
			Http.Response response = as("viewer").get("/api/parcels/" + id + "/red-line.pdf");
			assertProblem(response, 422, "character-not-drawable");
			assertThat(response.json().get("property").asString()).isEqualTo("name");
			assertThat(response.json().get("codePoint").asString()).isEqualTo("U+20000");
			assertThat(response.json().get("detail").asString()).contains("字段 name", "“𠀀”", "U+20000");
			Http.Response english = as("viewer").get("/api/parcels/" + id + "/red-line.pdf",
					Map.of("Accept-Language", "en"));
			assertThat(english.json().get("detail").asString()).contains("field name", "\"𠀀\"", "U+20000");
		}

		@Test
		void aHolderTheFontCannotDrawRefusesTheIssueNamingTheHolderAndIssuesNothing() {
			Http planner = as("planner");
			String feature = feature(code("undrawable-holder"), "出具测试", rectangle(TestArea.nextCell(), 0.001))
				.replace("\"holder\":\"测试公司\"", "\"holder\":\"张𠀀\"");
			Http.Response created = planner.post("/api/parcels", feature);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			long id = created.json().get("id").asLong();
			Http.Response response = planner.post("/api/parcels/" + id + "/transitions",
					"{\"to\":\"red_line_issued\"}");
			assertProblem(response, 422, "character-not-drawable");
			assertThat(response.json().get("property").asString()).isEqualTo("holder");
			assertThat(response.json().get("detail").asString()).contains("字段 holder", "“𠀀”", "U+20000");
			assertThat(planner.get("/api/parcels/" + id).json().at("/properties/status").asString())
				.isEqualTo("planned");
			assertThat(planner.get("/api/parcels/" + id + "/red-line-drawings").json().size()).isZero();
		}

		@Test
		void anIssuedDrawingOfAnotherParcelIsNotFound() {
			Http.Response response = as("viewer").get("/api/parcels/1/red-line-drawings/987654321.pdf");
			assertProblem(response, 404);
		}

	}

	private long create(String what, String name, String geometry) {
		Http.Response response = as("planner").post("/api/parcels", feature(code(what), name, geometry));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private static String code(String what) {
		return PREFIX + what + "-" + System.nanoTime();
	}

	private static String feature(String code, String name, String geometry) {
		return """
				{"type":"Feature","geometry":%s,
				 "properties":{"code":"%s","name":%s,"land_use":"工业用地","land_class_code":"0601","holder":"测试公司"}}
				""".formatted(geometry, code,
				tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(name));
	}

	private static String rectangle(double[] corner, double size) {
		double lon = corner[0] + 0.0005;
		double lat = corner[1] + 0.0005;
		return "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}"
			.formatted(lon, lat, lon + size, lat + size);
	}

	/** A ring of n vertices around the cell's centre with a square hole: n + 4 points. */
	private static String ringWithHole(double[] corner, int n) {
		double lon = corner[0] + TestArea.CELL / 2;
		double lat = corner[1] + TestArea.CELL / 2;
		StringBuilder outer = new StringBuilder();
		for (int i = 0; i <= n; i++) {
			double angle = 2 * Math.PI * (i % n) / n;
			double radius = 0.0009 + ((i % 2 == 0) ? 0.0002 : 0);
			outer.append((i == 0) ? "" : ",")
				.append(String.format(Locale.ROOT, "[%.7f,%.7f]", lon + radius * Math.cos(angle),
						lat + radius * Math.sin(angle)));
		}
		double h = 0.0002;
		String hole = String.format(Locale.ROOT,
				"[%1$.7f,%2$.7f],[%1$.7f,%4$.7f],[%3$.7f,%4$.7f],[%3$.7f,%2$.7f],[%1$.7f,%2$.7f]", lon - h, lat - h,
				lon + h, lat + h);
		return "{\"type\":\"Polygon\",\"coordinates\":[[" + outer + "],[" + hole + "]]}";
	}

	/** The distinct vertices PostGIS gives in EPSG:4550, as {northing, easting}. */
	private List<double[]> planeVertices(long id) {
		return this.jdbc.sql("""
				SELECT ST_Y(d.geom) AS northing, ST_X(d.geom) AS easting
				FROM zonegis.parcel p, ST_DumpPoints(ST_Transform(p.geom, 4550)) d
				WHERE p.id = :id AND d.path[3] > 1
				""").param("id", id).query((rs, i) -> new double[] { rs.getDouble(1), rs.getDouble(2) }).list();
	}

	/** The length PostGIS measures between the stored vertices nearest the two rows. */
	private double edgeBetween(long id, double[] from, double[] to) {
		return this.jdbc
			.sql("""
					WITH v AS (SELECT d.geom FROM zonegis.parcel p, ST_DumpPoints(ST_Transform(p.geom, 4550)) d WHERE p.id = :id)
					SELECT ST_Distance(
						(SELECT geom FROM v ORDER BY geom <-> ST_SetSRID(ST_MakePoint(:e1, :n1), 4550) LIMIT 1),
						(SELECT geom FROM v ORDER BY geom <-> ST_SetSRID(ST_MakePoint(:e2, :n2), 4550) LIMIT 1))
					""")
			.param("id", id)
			.param("e1", from[1])
			.param("n1", from[0])
			.param("e2", to[1])
			.param("n2", to[0])
			.query(Double.class)
			.single();
	}

	private static double[] nextInRing(List<double[]> rows, int i) {
		double ring = rows.get(i)[3];
		if (i + 1 < rows.size() && rows.get(i + 1)[3] == ring) {
			return rows.get(i + 1);
		}
		int first = i;
		while (first > 0 && rows.get(first - 1)[3] == ring) {
			first--;
		}
		return rows.get(first);
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(zip))) {
			for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	private static String pageText(PDDocument document, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document);
	}

	/**
	 * Renders the first page with poppler's pdftoppm, as a reader would see it, into
	 * target/documents for a person to look at.
	 */
	static Path render(byte[] pdf, String name) throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "documents"));
		Path file = dir.resolve(name + ".pdf");
		Files.write(file, pdf);
		Process process = new ProcessBuilder("pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile",
				file.toString(), dir.resolve(name).toString())
			.redirectErrorStream(true)
			.start();
		try {
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).as("pdftoppm complaints").isEmpty();
		return dir.resolve(name + ".png");
	}

}
