package cn.zonegis.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.land.ParcelLifecycle;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.JsonMembers.memberWith;
import static cn.zonegis.Problems.assertBadParameter;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The half-year report of H1 2026 on the demo zone: every figure is non-zero and equals a
 * count written here independently of the report's own queries.
 */
class HalfYearReportTests extends IntegrationTest {

	private static final String H1 = "from=2026-01-01&to=2026-06-30";

	private static final String START = "TIMESTAMPTZ '2026-01-01 00:00+08'";

	private static final String END = "TIMESTAMPTZ '2026-07-01 00:00+08'";

	/** First (reporting) event of a work order inside H1. */
	private static final String REPORTED_H1 = "(SELECT min(at) FROM zonegis.work_order_event e WHERE e.work_order_id = w.id) >= "
			+ START + " AND (SELECT min(at) FROM zonegis.work_order_event e WHERE e.work_order_id = w.id) < " + END;

	private Map<String, BigDecimal> figures(JsonNode report) {
		Map<String, BigDecimal> values = new HashMap<>();
		for (JsonNode section : report.get("sections")) {
			for (JsonNode f : section.get("figures")) {
				values.put(f.get("key").asString(), f.get("value").decimalValue());
			}
		}
		return values;
	}

	private BigDecimal sql(String query) {
		BigDecimal value = this.jdbc.sql(query).query(BigDecimal.class).single();
		return (value == null) ? BigDecimal.ZERO : value;
	}

	/**
	 * Independent counts: each written from the tables, not from the report's row
	 * queries.
	 */
	private Map<String, String> expectations() {
		Map<String, String> expected = new HashMap<>();
		for (String step : ParcelLifecycle.codes(EnumSet.complementOf(EnumSet.of(ParcelLifecycle.PLANNED)))) {
			String parcels = "SELECT DISTINCT parcel_id FROM zonegis.parcel_event WHERE to_status = '" + step
					+ "' AND at >= " + START + " AND at < " + END
					// a split's original lives on in its pieces: not deregistered
					+ (step.equals("cancelled") ? " AND parcel_id NOT IN (SELECT split_from FROM zonegis.parcel"
							+ " WHERE split_from IS NOT NULL)" : "");
			expected.put("land." + step + ".count", "SELECT count(*) FROM (" + parcels + ") x");
			expected.put("land." + step + ".area_m2", "SELECT sum(round(ST_Area(ST_Transform(geom, 4550))::numeric, 2))"
					+ " FROM zonegis.parcel WHERE id IN (" + parcels + ")");
			expected.put("land." + step + ".area_mu",
					"SELECT round(sum(round(ST_Area(ST_Transform(geom, 4550))::numeric, 2)) * 15 / 10000, 2)"
							+ " FROM zonegis.parcel WHERE id IN (" + parcels + ")");
		}
		Map<String, String> newAssets = newAssetWork(START, END);
		for (String kind : this.jdbc.sql("SELECT code FROM zonegis.work_kind").query(String.class).list()) {
			expected.put("municipal." + kind, """
					SELECT coalesce((SELECT sum(q.amount) FROM zonegis.work_quantity q
					WHERE q.work_kind = '%s' AND q.work_order_id IN (
						SELECT w.id FROM zonegis.work_order w JOIN zonegis.work_order_event e ON e.work_order_id = w.id
						WHERE w.state = 'closed' AND e.to_state = 'closed' AND e.at >= %s AND e.at < %s)), 0)
						+ coalesce((%s), 0)
					""".formatted(kind, START, END, newAssets.getOrDefault(kind, "NULL")));
		}
		for (long zone : this.jdbc.sql("SELECT id FROM zonegis.expansion_zone WHERE kind = 'chemical_park_subzone'")
			.query(Long.class)
			.list()) {
			String inside = "FROM zonegis.enterprise e, zonegis.expansion_zone z WHERE z.id = " + zone
					+ " AND ST_Contains(z.geom, e.geom)";
			expected.put("park." + zone + ".enterprises", "SELECT count(*) " + inside);
			expected.put("park." + zone + ".non_chemical", "SELECT count(*) " + inside + " AND NOT e.is_chemical");
			for (String state : new String[] { "relocate", "convert", "retain" }) {
				expected.put("park." + zone + "." + state, "SELECT count(*) " + inside
						+ " AND NOT e.is_chemical AND e.relocation_state = '" + state + "'");
			}
			expected.put("park." + zone + ".projects_under_construction",
					"SELECT count(*) FROM zonegis.project p, zonegis.expansion_zone z WHERE z.id = " + zone
							+ " AND ST_Contains(z.geom, p.geom) AND p.state = 'under_construction'");
			expected.put("park." + zone + ".entry_reviews",
					"SELECT count(*) FROM zonegis.park_entry_review WHERE zone_id = " + zone
							+ " AND opinion_on BETWEEN DATE '2026-01-01' AND DATE '2026-06-30'");
		}
		expected.put("projects.count", "SELECT count(*) FROM zonegis.project");
		expected.put("projects.total_investment_yi",
				"SELECT round(sum(total_investment_wan) / 10000, 2) FROM zonegis.project");
		expected.put("projects.started",
				"SELECT count(*) FROM zonegis.project WHERE state <> 'planned' AND start_date <= DATE '2026-06-30'");
		expected.put("projects.completed_investment_yi",
				"SELECT round(sum(completed_investment_wan) / 10000, 2) FROM zonegis.project");
		expected.put("projects.completed_share",
				"SELECT round(100 * sum(completed_investment_wan) / sum(total_investment_wan), 1) FROM zonegis.project");
		String uncertified = " FROM zonegis.building WHERE surveyed_on <= DATE '2026-06-30'"
				+ " AND NOT (land_cert_state = 'issued' AND property_cert_state = 'issued')";
		expected.put("business.uncertified.enterprises", "SELECT count(DISTINCT enterprise_id)" + uncertified);
		expected.put("business.uncertified.buildings", "SELECT count(*)" + uncertified);
		expected.put("business.uncertified.floor_area_m2", "SELECT sum(floor_area_m2)" + uncertified);
		String findings = " FROM zonegis.work_order w WHERE w.inspection_id IS NOT NULL AND w.state <> 'cancelled' AND "
				+ REPORTED_H1;
		String inspections = " FROM zonegis.work_order w WHERE w.kind = 'inspection' AND w.state <> 'cancelled' AND "
				+ REPORTED_H1;
		expected.put("safety.inspected.enterprises",
				"SELECT count(DISTINCT enterprise_id)" + inspections + " AND reinspection_of IS NULL");
		expected.put("safety.problems.found", "SELECT count(*)" + findings);
		expected.put("safety.reinspected.enterprises",
				"SELECT count(DISTINCT enterprise_id)" + inspections + " AND reinspection_of IS NOT NULL");
		expected.put("safety.reinspected.problems",
				"SELECT count(*) FROM zonegis.work_order f WHERE f.state <> 'cancelled' AND f.inspection_id IN"
						+ " (SELECT reinspection_of" + inspections + " AND reinspection_of IS NOT NULL)");
		expected.put("safety.on_spot.enterprises",
				"SELECT count(DISTINCT enterprise_id)" + findings + " AND rectified_on_spot");
		expected.put("safety.on_spot.problems", "SELECT count(*)" + findings + " AND rectified_on_spot");
		expected.put("safety.closed_loop.problems", "SELECT count(*)" + findings + " AND w.state = 'closed'");
		expected.put("safety.heating_stoves", "SELECT count(*)" + findings
				+ " AND w.inspection_id IN (SELECT id FROM zonegis.work_order WHERE inspection_kind = 'heating_stove')");
		expected.put("safety.environmental.enterprises", "SELECT count(DISTINCT enterprise_id)" + inspections
				+ " AND reinspection_of IS NULL AND inspection_kind IN ('environmental', 'hazardous_waste')");
		String houses = " FROM zonegis.self_built_house WHERE surveyed_on BETWEEN DATE '2026-01-01' AND DATE '2026-06-30'";
		expected.put("houses.surveyed", "SELECT count(*)" + houses);
		expected.put("houses.operating", "SELECT count(*)" + houses + " AND operating");
		expected.put("houses.hazardous", "SELECT count(*)" + houses + " AND hazard");
		expected.put("houses.appraised", "SELECT count(*)" + houses + " AND appraisal_state = 'done'");
		return expected;
	}

	@Test
	void everyFigureOfTheFirstHalfOf2026IsNonZeroAndEqualsAnIndependentCount() {
		Map<String, BigDecimal> values = figures(as("viewer").get("/api/reports/half-year?" + H1).json());
		Map<String, String> expected = expectations();
		assertThat(values).containsKeys(expected.keySet().toArray(String[]::new));
		Map<String, BigDecimal> zero = values.entrySet()
			.stream()
			.filter((e) -> e.getValue().signum() == 0)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(zero).as("figures that are zero").isEmpty();
		expected.forEach((key, query) -> assertThat(values.get(key)).as(key).isEqualByComparingTo(sql(query)));
		// Lagging is the project feature's judgement; the report names as many as it
		// does.
		assertThat(values.get("projects.lagging").intValue())
			.isEqualTo(as("viewer").get("/api/projects/summary?asOf=2026-06-30").json().get("lagging").size());
	}

	@Test
	void eachFigureLinksToTheRowsItCounts() {
		JsonNode report = as("viewer").get("/api/reports/half-year?" + H1 + "&sections=land").json();
		JsonNode recovered = memberWith(report.get("sections").get(0).get("figures"), "key", "land.recovered.count");
		JsonNode rows = as("viewer").get(recovered.get("rows").asString()).json();
		assertThat(rows.get("features")).hasSize(recovered.get("value").asInt());
		assertThat(rows.get("features").get(0).get("properties").get("layer").asString()).isEqualTo("parcels");
		assertThat(rows.toString()).contains("隆昌兴城").contains("尼柔丝");
	}

	/**
	 * The work new assets stand for, by kind: pipes and cables by length, wells and
	 * lights one each.
	 */
	private static Map<String, String> newAssetWork(String start, String end) {
		String entered = " created_at >= " + start + " AND created_at < " + end;
		return Map.of("pipe_laid",
				"SELECT sum(round(ST_Length(ST_Transform(geom, 4550))::numeric, 2)) FROM zonegis.pipe"
						+ " WHERE kind IN ('rain', 'sewage') AND" + entered,
				"cable_laid",
				"SELECT sum(round(ST_Length(ST_Transform(geom, 4550))::numeric, 2)) FROM zonegis.cable WHERE" + entered,
				"wells_built", "SELECT count(*) FROM zonegis.well WHERE kind IN ('rain', 'sewage') AND" + entered,
				"lamps_installed", "SELECT count(*) FROM zonegis.streetlight WHERE" + entered);
	}

	@Test
	void pipesAndWellsEnteredInThePeriodCountAsWorkDoneAndLinkToTheirRows() {
		String sql = """
				INSERT INTO zonegis.%s (code, kind, geom, created_at, updated_at, created_by, updated_by)
				VALUES (:code, :kind, ST_GeomFromText(:wkt, 4490), TIMESTAMPTZ '2032-03-01 10:00+08',
					TIMESTAMPTZ '2032-03-01 10:00+08', 'planner', 'planner')
				""";
		this.jdbc.sql(sql.formatted("pipe"))
			.param("code", "TEST-NEW-PIPE")
			.param("kind", "sewage")
			.param("wkt", "LINESTRING(121.9101 37.0601, 121.9121 37.0611)")
			.update();
		for (String kind : List.of("rain", "inspection")) {
			this.jdbc.sql(sql.formatted("well"))
				.param("code", "TEST-NEW-WELL-" + kind)
				.param("kind", kind)
				.param("wkt", "POINT(121.9101 37.0601)")
				.update();
		}
		try {
			String period = "from=2032-01-01&to=2032-06-30";
			JsonNode report = as("viewer").get("/api/reports/half-year?" + period + "&sections=municipal").json();
			Map<String, BigDecimal> values = figures(report);
			String start = "TIMESTAMPTZ '2032-01-01 00:00+08'";
			String end = "TIMESTAMPTZ '2032-07-01 00:00+08'";
			Map<String, String> independent = newAssetWork(start, end);
			assertThat(values.get("municipal.pipe_laid")).isEqualByComparingTo(sql(independent.get("pipe_laid")))
				.isGreaterThan(BigDecimal.valueOf(200));
			assertThat(values.get("municipal.wells_built")).isEqualByComparingTo("1");
			JsonNode rows = as("viewer").get("/api/reports/half-year/rows?figure=municipal.pipe_laid&" + period).json();
			assertThat(rows.get("features")).hasSize(1);
			assertThat(rows.get("features").get(0).get("properties").get("layer").asString()).isEqualTo("pipes");
		}
		finally {
			this.jdbc.sql("DELETE FROM zonegis.pipe WHERE code = 'TEST-NEW-PIPE'").update();
			this.jdbc.sql("DELETE FROM zonegis.well WHERE code LIKE 'TEST-NEW-WELL-%'").update();
		}
	}

	@Test
	void anEventAt2359OnTheLastDayCountsAndOneAtMidnightAfterDoesNot() {
		long parcel = this.jdbc.sql("SELECT id FROM zonegis.parcel WHERE status = 'planned' ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		this.jdbc
			.sql("""
					INSERT INTO zonegis.parcel_event (parcel_id, at, by_user, from_status, to_status, version, note)
					VALUES (:p, TIMESTAMPTZ '2031-06-30 23:59:00+08', 'planner', 'planned', 'red_line_issued', 1, 'boundary'),
						(:p, TIMESTAMPTZ '2031-07-01 00:00:00+08', 'planner', 'planned', 'filed', 1, 'boundary')
					""")
			.param("p", parcel)
			.update();
		try {
			Map<String, BigDecimal> first = figures(
					as("viewer").get("/api/reports/half-year?from=2031-01-01&to=2031-06-30&sections=land").json());
			Map<String, BigDecimal> second = figures(
					as("viewer").get("/api/reports/half-year?from=2031-07-01&to=2031-12-31&sections=land").json());
			assertThat(first.get("land.red_line_issued.count")).isEqualByComparingTo("1");
			assertThat(first.get("land.filed.count")).isEqualByComparingTo("0");
			assertThat(second.get("land.red_line_issued.count")).isEqualByComparingTo("0");
			assertThat(second.get("land.filed.count")).isEqualByComparingTo("1");
		}
		finally {
			this.jdbc.sql("DELETE FROM zonegis.parcel_event WHERE note = 'boundary'").update();
		}
	}

	@Test
	void theWordDocumentHoldsTheSectionsAndTheirFigures() throws IOException {
		Http viewer = as("viewer");
		Map<String, BigDecimal> values = figures(viewer.get("/api/reports/half-year?" + H1).json());
		HttpResponse<byte[]> docx = viewer.bytes("/api/reports/half-year.docx?" + H1);
		assertThat(docx.statusCode()).isEqualTo(200);
		assertThat(docx.headers().firstValue("Content-Type").orElse("")).isEqualTo(ReportController.DOCX.toString());
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			String all = text.getText();
			assertThat(all).contains("保障项目用地", "市政配套", "化工园区", "重点项目", "营商环境", "安全与环保", "自建房");
			assertThat(all).contains("确定" + values.get("business.uncertified.enterprises").toPlainString() + "家企业"
					+ values.get("business.uncertified.buildings").toPlainString() + "栋");
			assertThat(all).contains("共排查自建房" + values.get("houses.surveyed").toPlainString() + "栋");
			assertThat(all).contains("今年以来共检查企业" + values.get("safety.inspected.enterprises").toPlainString() + "家");
			assertThat(all).contains("重点项目" + values.get("projects.count").toPlainString() + "个");
		}
	}

	@Nested
	class BadInput {

		@Test
		void anInvertedPeriodIsRefusedNamingTo() {
			Http.Response r = as("viewer").get("/api/reports/half-year?from=2026-06-30&to=2026-01-01");
			assertProblem(r, 400, "inverted-period");
			assertThat(r.json().get("parameter").asString()).isEqualTo("to");
		}

		@Test
		void anOpenPeriodIsRefusedNamingTheMissingDay() {
			Http.Response r = as("viewer").get("/api/reports/half-year?from=2026-01-01");
			assertThat(r.status()).isEqualTo(400);
			assertThat(r.json().get("type").asString()).endsWith("/open-period");
			assertThat(r.json().get("parameter").asString()).isEqualTo("to");
		}

		@Test
		void anUnknownSectionIsRefusedWithTheAllowedOnes() {
			Http.Response r = as("viewer").get("/api/reports/half-year?" + H1 + "&sections=land,weather");
			assertThat(r.status()).isEqualTo(400);
			assertThat(r.json().get("type").asString()).endsWith("/unknown-section");
			assertThat(r.json().get("detail").asString()).contains("weather");
		}

		@Test
		void anUnknownFigureOrAHostileDayIsRefused() {
			assertThat(as("viewer").get("/api/reports/half-year/rows?figure=1;DROP&" + H1).status()).isEqualTo(400);
			assertBadParameter(as("viewer").get("/api/reports/half-year?from=2026-01-01%27--&to=2026-06-30"), "from");
		}

	}

}
