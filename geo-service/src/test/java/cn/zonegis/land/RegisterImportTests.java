package cn.zonegis.land;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.TestArea;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registers imported from Excel and CSV: a good file is stored in one go and audited, a
 * file with one bad row is refused whole with the row and column named, and the download
 * of a register imports back unchanged.
 */
class RegisterImportTests extends IntegrationTest {

	@AfterEach
	void removeTestRows() {
		for (String table : new String[] { "building", "self_built_house", "park_entry_review" }) {
			this.jdbc.sql("DELETE FROM zonegis." + table + " WHERE code LIKE 'TEST-%'").update();
		}
	}

	private long count(String sql, Object... params) {
		var statement = this.jdbc.sql(sql);
		for (Object param : params) {
			statement = statement.param(param);
		}
		return statement.query(Long.class).single();
	}

	private long demoEnterprise() {
		return count("SELECT min(id) FROM zonegis.enterprise");
	}

	/** A sheet with these rows, the first being the header. */
	private static byte[] xlsx(List<List<Object>> rows) {
		try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("台账");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				List<Object> cells = rows.get(r);
				for (int c = 0; c < cells.size(); c++) {
					Object value = cells.get(c);
					if (value instanceof Number n) {
						row.createCell(c).setCellValue(n.doubleValue());
					}
					else if (value != null) {
						row.createCell(c).setCellValue(value.toString());
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String square(double[] corner) {
		double w = 0.0004;
		return "POLYGON((%1$s %2$s, %3$s %2$s, %3$s %4$s, %1$s %4$s, %1$s %2$s))".formatted(corner[0], corner[1],
				corner[0] + w, corner[1] + w);
	}

	@Test
	void aPlannersBuildingSheetIsCheckedByADryRunThenStoredAndAuditedRowByRow() {
		String first = TestGround.code("JZ");
		String second = TestGround.code("JZ");
		long enterprise = demoEnterprise();
		byte[] file = xlsx(List.of(List.of("编号", "名称", "企业ID", "层数", "建筑面积（平方米）", "房产证状态", "未办证原因", "调查日期", "轮廓（WKT）"),
				List.of(first, "一号厂房", enterprise, 2, 1860.5, "none", "规划验收未完成", "2026-04-02",
						square(TestGround.cell())),
				List.of(second, "二号仓库", enterprise, 1, 620, "applying", "资料不全", "2026-04-03",
						square(TestGround.cell()))));

		Http.Response preview = as("planner").upload("/api/buildings/import?dryRun=true", "buildings.xlsx", file);
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(preview.json().get("created").asInt()).isEqualTo(2);
		assertThat(count("SELECT count(*) FROM zonegis.building WHERE code IN (?, ?)", first, second)).isZero();

		Http.Response imported = as("planner").upload("/api/buildings/import?dryRun=false", "buildings.xlsx", file);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("created").asInt()).isEqualTo(2);
		assertThat(
				count("SELECT count(*) FROM zonegis.building WHERE code IN (?, ?) AND floor_area_m2 IN (1860.5, 620)",
						first, second))
			.isEqualTo(2);
		assertThat(count("""
				SELECT count(*) FROM zonegis.audit_log a JOIN zonegis.building b ON a.entity_id = b.id::text
				WHERE a.entity = 'building' AND a.action = 'create' AND b.code IN (?, ?)
					AND a.detail ->> 'importedFrom' = 'buildings.xlsx'
				""", first, second)).isEqualTo(2);
	}

	@Test
	void aNoteIsKeptAsTypedBlanksAndLineBreaksIncluded() {
		String code = TestGround.code("JZ");
		String reason = "  规划验收未完成\n\t待补材料  ";
		byte[] file = xlsx(List.of(List.of("编号", "名称", "企业ID", "层数", "建筑面积（平方米）", "未办证原因", "调查日期", "轮廓（WKT）"),
				List.of(code, "一号厂房", demoEnterprise(), 2, 1860.5, reason, "2026-04-02", square(TestGround.cell()))));

		Http.Response imported = as("planner").upload("/api/buildings/import?dryRun=false", "buildings.xlsx", file);

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT missing_reason FROM zonegis.building WHERE code = :code")
			.param("code", code)
			.query(String.class)
			.single()).isEqualTo(reason);
	}

	@Test
	void aFileImportedAgainUpdatesItsRowsAndKeepsTheOldVersionsAsHistory() {
		String code = TestGround.code("RY");
		long zone = count("SELECT min(id) FROM zonegis.expansion_zone WHERE kind = 'chemical_park_subzone'");
		double[] at = TestArea.nextSpot();
		String header = "code,project_name,applicant,zone_id,submitted_on,outcome,opinion,opinion_on,lon,lat\n";
		String pending = header + "%s,测试项目,测试公司,%d,2026-03-01,pending,,,%s,%s\n".formatted(code, zone, at[0], at[1]);
		String approved = header
				+ "%s,测试项目,测试公司,%d,2026-03-01,approved,同意入园,2026-03-20,%s,%s\n".formatted(code, zone, at[0], at[1]);
		assertThat(as("planner")
			.upload("/api/park-entry-reviews/import?dryRun=false", "r.csv", pending.getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(200);
		Http.Response again = as("planner").upload("/api/park-entry-reviews/import?dryRun=false", "r.csv",
				approved.getBytes(StandardCharsets.UTF_8));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("updated").asInt()).isEqualTo(1);
		long id = count("SELECT id FROM zonegis.park_entry_review WHERE code = ?", code);
		JsonNode history = as("viewer").get("/api/park-entry-reviews/" + id + "/history").json();
		assertThat(history.get("features")).hasSize(2);
		assertThat(history.get("features").get(0).get("properties").get("outcome").asString()).isEqualTo("approved");
		assertThat(history.get("features").get(1).get("properties").get("outcome").asString()).isEqualTo("pending");
		assertThat(history.get("features").get(1).get("properties").get("replaced_by").asString()).isEqualTo("planner");
	}

	@Nested
	class BadFiles {

		@Test
		void oneBadRowRefusesTheWholeFileNamingItsRowAndColumnAndNothingIsStored() {
			String good = TestGround.code("ZJF");
			String bad = TestGround.code("ZJF");
			double[] at = TestArea.nextSpot();
			String csv = """
					编号,地址,层数,经营性,存在隐患,鉴定状态,排查日期,经度,纬度
					%1$s,北区东村 8 号,2,是,否,none,2026-04-20,%3$s,%4$s
					%2$s,北区东村 9 号,两层,否,否,none,2026-04-20,%3$s,%4$s
					""".formatted(good, bad, at[0], at[1]);
			Http.Response refused = as("safety").upload("/api/self-built-houses/import?dryRun=false", "houses.csv",
					csv.getBytes(StandardCharsets.UTF_8));
			assertProblem(refused, 422);
			JsonNode error = refused.json().get("errors").get(0);
			assertThat(error.get("row").asInt()).isEqualTo(3);
			assertThat(error.get("column").asString()).isEqualTo("层数");
			assertThat(refused.json().get("detail").asString()).contains("第 3 行").contains("层数");
			assertThat(count("SELECT count(*) FROM zonegis.self_built_house WHERE code IN (?, ?)", good, bad)).isZero();
		}

		@Test
		void aNameWithBlanksAroundItRefusesTheFileNamingItsRowAndColumnRatherThanBeingTrimmed() {
			String code = TestGround.code("JZ");
			byte[] file = xlsx(List.of(List.of("编号", "名称", "企业ID", "层数", "建筑面积（平方米）", "调查日期", "轮廓（WKT）"),
					List.of(code, "一号厂房 ", demoEnterprise(), 2, 1860.5, "2026-04-02", square(TestGround.cell()))));

			Http.Response refused = as("planner").upload("/api/buildings/import?dryRun=false", "buildings.xlsx", file);

			assertProblem(refused, 422);
			JsonNode error = refused.json().get("errors").get(0);
			assertThat(error.get("row").asInt()).isEqualTo(2);
			assertThat(error.get("column").asString()).isEqualTo("名称");
			assertThat(count("SELECT count(*) FROM zonegis.building WHERE code = ?", code)).isZero();
		}

		@Test
		void everyBadRowIsNamedInEnglishTooWithTheRuleItBreaks() {
			String issuedWithoutNumber = TestGround.code("JZ");
			String unknownEnterprise = TestGround.code("JZ");
			byte[] file = xlsx(List.of(
					List.of("Code", "Name", "Enterprise ID", "Floors", "Floor area (m²)", "Land certificate",
							"Surveyed on", "Footprint (WKT)"),
					List.of(issuedWithoutNumber, "a", demoEnterprise(), 1, 100, "issued", "2026-04-02",
							square(TestGround.cell())),
					List.of(unknownEnterprise, "b", 987654321, 1, 100, "none", "2026-04-02", square(TestGround.cell())),
					List.of(issuedWithoutNumber, "c", demoEnterprise(), 1, 100, "none", "2026-04-02",
							"POLYGON((122 37, 122.1 37))")));
			Http.Response english = as("planner").upload("/api/buildings/import?dryRun=true", "b.xlsx", file,
					Map.of("Accept-Language", "en"));
			assertThat(english.status()).as(english.body()).isEqualTo(422);
			JsonNode errors = english.json().get("errors");
			assertThat(errors).hasSize(3);
			assertThat(errors.get(0).get("row").asInt()).isEqualTo(2);
			assertThat(errors.get(0).get("property").asString()).isEqualTo("land_cert_no");
			assertThat(errors.get(1).get("row").asInt()).isEqualTo(3);
			assertThat(errors.get(1).get("column").asString()).isEqualTo("Enterprise ID");
			assertThat(errors.get(2).get("row").asInt()).isEqualTo(4);
			assertThat(errors.get(2).get("column").asString()).isEqualTo("Footprint (WKT)");
			assertThat(english.json().get("detail").asString()).startsWith("The file has 3 problems").contains("Row 2");
			assertThat(count("SELECT count(*) FROM zonegis.building WHERE code IN (?, ?)", issuedWithoutNumber,
					unknownEnterprise))
				.isZero();
		}

		@Test
		void anUnknownColumnAndAFileThatIsNoSpreadsheetAreRefused() {
			Http.Response unknown = as("safety").upload("/api/self-built-houses/import?dryRun=true", "h.csv",
					"编号,颜色,经度,纬度\nX,红,122,37\n".getBytes(StandardCharsets.UTF_8));
			assertThat(unknown.status()).isEqualTo(422);
			assertThat(unknown.json().get("errors").get(0).get("column").asString()).isEqualTo("颜色");
			Http.Response text = as("safety").upload("/api/self-built-houses/import?dryRun=true", "h.txt",
					"hello".getBytes(StandardCharsets.UTF_8));
			assertThat(text.status()).isEqualTo(400);
			Http.Response broken = as("safety").upload("/api/self-built-houses/import?dryRun=true", "h.xlsx",
					"not a zip".getBytes(StandardCharsets.UTF_8));
			assertThat(broken.status()).isEqualTo(422);
			Http.Response noFile = as("safety").send("POST", "/api/self-built-houses/import?dryRun=true", null,
					Map.of());
			assertThat(noFile.status()).isEqualTo(400);
			Http.Response noDryRun = as("safety").upload("/api/self-built-houses/import", "h.csv",
					"编号\n".getBytes(StandardCharsets.UTF_8));
			assertThat(noDryRun.status()).isEqualTo(400);
			assertThat(noDryRun.json().get("parameter").asString()).isEqualTo("dryRun");
		}

	}

	@Test
	void eachRegisterIsImportedOnlyByItsOwnRole() {
		byte[] file = "code\n".getBytes(StandardCharsets.UTF_8);
		assertThat(as("planner").upload("/api/self-built-houses/import?dryRun=true", "h.csv", file).status())
			.isEqualTo(403);
		assertThat(as("safety").upload("/api/buildings/import?dryRun=true", "b.csv", file).status()).isEqualTo(403);
		assertThat(as("safety").upload("/api/park-entry-reviews/import?dryRun=true", "r.csv", file).status())
			.isEqualTo(403);
		assertThat(as("viewer").upload("/api/buildings/import?dryRun=true", "b.csv", file).status()).isEqualTo(403);
		assertThat(anonymous().upload("/api/buildings/import?dryRun=true", "b.csv", file).status()).isIn(401, 403);
		assertThat(count("SELECT count(*) FROM zonegis.building WHERE code LIKE 'TEST-%'")).isZero();
	}

	@Test
	void theDemoRegistersDownloadAsExcelAndCsvAndImportBackAsTheSameRows() throws IOException {
		long houses = count("SELECT count(*) FROM zonegis.self_built_house");
		Http.Download xlsx = as("viewer").download("/api/tables/self-built-houses.xlsx");
		assertThat(xlsx.status()).isEqualTo(200);
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
			assertThat(sheet.getLastRowNum()).isEqualTo((int) houses);
		}
		Http.Response again = as("safety").upload("/api/self-built-houses/import?dryRun=true", "houses.xlsx",
				xlsx.body());
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("updated").asLong()).isEqualTo(houses);
		assertThat(again.json().get("created").asLong()).isZero();

		for (String register : List.of("buildings", "park-entry-reviews")) {
			Http.Download csv = as("viewer").download("/api/tables/" + register + ".csv?lang=en");
			assertThat(csv.status()).isEqualTo(200);
			assertThat(csv.contentType()).startsWith("text/csv");
			Http.Response back = as("planner").upload("/api/" + register + "/import?dryRun=true", register + ".csv",
					csv.body());
			assertThat(back.status()).as(register + ": " + back.body()).isEqualTo(200);
			assertThat(back.json().get("created").asLong()).as(register).isZero();
			assertThat(back.json().get("updated").asLong()).as(register).isPositive();
		}
	}

}
