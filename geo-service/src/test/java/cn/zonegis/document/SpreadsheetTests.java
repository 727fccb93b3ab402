package cn.zonegis.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertBadParameter;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /api/tables/{id}.xlsx read back with POI: the same rows as the JSON list for the same
 * parameters, numbers as numbers, headers in the reader's language.
 */
class SpreadsheetTests extends IntegrationTest {

	@Test
	void theParcelsOfASelectionAreTheRowsTheApiExports() throws IOException {
		String query = "status=planned,red_line_issued&bbox=121.9,37.0,122.3,37.4";
		JsonNode api = as("viewer").get("/api/parcels/export?format=geojson&" + query).json().get("features");
		Sheet sheet = sheet(as("viewer").download("/api/tables/parcels.xlsx?" + query));
		assertThat(api.size()).isGreaterThan(3);
		assertThat(header(sheet)).startsWith("序号", "地块编号", "地块名称").contains("面积（平方米）", "面积（亩）");
		assertThat(sheet.getLastRowNum()).isEqualTo(api.size());
		for (int i = 0; i < api.size(); i++) {
			JsonNode feature = api.get(i);
			Row row = sheet.getRow(i + 1);
			assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(feature.get("id").asDouble());
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo(feature.get("properties").get("code").asString());
			Cell m2 = row.getCell(column(sheet, "面积（平方米）"));
			assertThat(m2.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(m2.getNumericCellValue()).isEqualTo(feature.get("properties").get("area_m2").asDouble());
			assertThat(row.getCell(column(sheet, "面积（亩）")).getNumericCellValue()).as(feature.toString())
				.isEqualTo(feature.get("properties").get("area_mu").asDouble());
		}
	}

	/**
	 * 3710-114's 36984.03 m² make 55.476045 亩, but its boundary makes 55.4761 亩, as the
	 * API and the red-line drawing state; every download states the latter.
	 */
	@Test
	void theCsvStatesEachParcelsMuAsTheApiDoes() throws IOException {
		JsonNode api = as("viewer").get("/api/parcels/export?format=geojson").json().get("features");
		Http.Download download = as("viewer").download("/api/tables/parcels.csv");
		assertThat(download.status()).isEqualTo(200);
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.get()
			.parse(new StringReader(new String(download.body(), StandardCharsets.UTF_8).substring(1)))
			.getRecords();
		assertThat(rows).hasSize(api.size());
		for (int i = 0; i < api.size(); i++) {
			JsonNode properties = api.get(i).get("properties");
			assertThat(rows.get(i).get("地块编号")).isEqualTo(properties.get("code").asString());
			assertThat(new BigDecimal(rows.get(i).get("面积（亩）"))).as(properties.get("code").asString())
				.isEqualByComparingTo(properties.get("area_mu").decimalValue());
		}
	}

	@Test
	void statesAndKindsAreWordsInTheSheetsLanguage() throws IOException {
		String query = "status=planned,red_line_issued&bbox=121.9,37.0,122.3,37.4";
		Sheet chinese = sheet(as("viewer").download("/api/tables/parcels.xlsx?" + query));
		assertThat(codes(chinese, column(chinese, "状态"))).isNotEmpty().isSubsetOf("规划", "已出具红线图");
		Sheet english = sheet(as("viewer").download("/api/tables/parcels.xlsx?lang=en&" + query));
		assertThat(codes(english, column(english, "Status"))).isNotEmpty().isSubsetOf("planned", "red line issued");

		Sheet orders = sheet(as("viewer").download("/api/tables/workorders.xlsx?state=new,dispatched&limit=50"));
		assertThat(codes(orders, column(orders, "状态"))).isNotEmpty().isSubsetOf("新建", "已派单");
		assertThat(codes(orders, column(orders, "优先级"))).isSubsetOf("紧急", "高", "普通", "低");
	}

	@Test
	void headersAreEnglishByTheLanguageSwitch() throws IOException {
		assertThat(header(sheet(as("viewer").download("/api/tables/parcels.xlsx?ids=1&lang=en"))))
			.startsWith("ID", "Code", "Name")
			.contains("Area (m²)", "Area (mu)");
		assertThat(header(
				sheet(as("viewer").download("/api/tables/projects.xlsx", Map.of("Accept-Language", "en-GB,en;q=0.9")))))
			.startsWith("ID", "Name");
	}

	@Test
	void workOrdersFollowTheBoardsFilters() throws IOException {
		String query = "state=new,dispatched&limit=50";
		JsonNode api = as("viewer").get("/api/workorders?" + query).json().get("features");
		Sheet sheet = sheet(as("viewer").download("/api/tables/workorders.xlsx?" + query));
		assertThat(codes(sheet, 1)).isEqualTo(values(api, "code"));
	}

	@Test
	void theRecoveryRegisterProjectsAndZoneContentsHoldTheApisRows() throws IOException {
		JsonNode recoveries = as("viewer").get("/api/land-recoveries").json().get("features");
		Sheet register = sheet(as("viewer").download("/api/tables/land-recoveries.xlsx"));
		assertThat(codes(register, 1)).isEqualTo(values(recoveries, "parcel_code"));

		JsonNode projects = as("viewer").get("/api/projects?sort=name").json().get("features");
		Sheet projectSheet = sheet(as("viewer").download("/api/tables/projects.xlsx?sort=name"));
		assertThat(codes(projectSheet, 1)).isEqualTo(values(projects, "name"));
		assertThat(projectSheet.getRow(1).getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);

		long zone = this.jdbc.sql("SELECT id FROM zonegis.expansion_zone ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		JsonNode contents = as("viewer").get("/api/zones/" + zone + "/contents").json().get("parcels");
		Sheet zoneSheet = sheet(as("viewer").download("/api/tables/zone-contents.xlsx?zone=" + zone));
		List<String> expected = new ArrayList<>();
		contents.forEach((p) -> expected.add(p.get("code").asString()));
		assertThat(codes(zoneSheet, 1)).isEqualTo(expected);
	}

	@Nested
	class Refused {

		@Test
		void anUnknownTableIsNotFound() {
			Http.Response response = as("viewer").get("/api/tables/secrets.xlsx");
			assertProblem(response, 404);
		}

		@Test
		void aBadParameterIsNamed() {
			Http.Response response = as("viewer").get("/api/tables/parcels.xlsx?ids=1;DROP");
			assertBadParameter(response, "ids");
			Http.Response zone = as("viewer").get("/api/tables/zone-contents.xlsx");
			assertProblem(zone, 400);
		}

	}

	private static Sheet sheet(Http.Download download) throws IOException {
		assertThat(download.status()).as(new String(download.body())).isEqualTo(200);
		assertThat(download.contentType()).isEqualTo(SpreadsheetController.XLSX.toString());
		return new XSSFWorkbook(new ByteArrayInputStream(download.body())).getSheetAt(0);
	}

	private static List<String> header(Sheet sheet) {
		List<String> titles = new ArrayList<>();
		sheet.getRow(0).forEach((cell) -> titles.add(cell.getStringCellValue()));
		return titles;
	}

	private static int column(Sheet sheet, String title) {
		return header(sheet).indexOf(title);
	}

	private static List<String> codes(Sheet sheet, int column) {
		List<String> codes = new ArrayList<>();
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			codes.add(sheet.getRow(r).getCell(column).getStringCellValue());
		}
		return codes;
	}

	private static List<String> values(JsonNode features, String property) {
		List<String> values = new ArrayList<>();
		features.forEach((f) -> values.add(f.get("properties").get(property).asString()));
		return values;
	}

}
