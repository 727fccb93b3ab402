package cn.zonegis.io;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * POST /api/parcels/import?format=txt and GET /api/parcels/export?format=txt, through
 * PostGIS and PROJ.
 */
class TxtImportTests extends IntegrationTest {

	private FreeGround ground;

	private String prefix;

	@BeforeEach
	void findFreeGround() {
		this.ground = FreeGround.find(this.jdbc);
		this.prefix = "T" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	private FileClient planner() {
		return new FileClient(this.port, "planner");
	}

	private byte[] file(String... parcels) {
		return (FreeGround.header() + String.join("", parcels)).getBytes(StandardCharsets.UTF_8);
	}

	private long stored(String code) {
		return this.jdbc.sql("SELECT count(*) FROM zonegis.parcel WHERE code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	@Test
	void dryRunReportsEachParcelAndStoresNothing() {
		String code = this.prefix + "1";
		FileClient.Result result = planner().upload("format=txt&dryRun=true", "a.txt",
				file(this.ground.rectangle(code, 0, 0, 40, 50, "0.2000")));
		assertThat(result.status()).isEqualTo(200);
		JsonNode item = result.json().get("items").get(0);
		assertThat(item.get("code").asString()).isEqualTo(code);
		assertThat(item.get("action").asString()).isEqualTo("create");
		assertThat(item.get("valid").asBoolean()).isTrue();
		assertThat(item.get("fileAreaM2").asDouble()).isCloseTo(2000.0, within(1e-6));
		assertThat(item.get("areaMu").asDouble()).isCloseTo(3.0, within(0.01));
		assertThat(item.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
		assertThat(result.json().get("crs").asString()).contains("EPSG:4529");
		assertThat(stored(code)).isZero();
	}

	@Test
	void realImportStoresEveryParcelWithItsSurveyedArea() {
		String first = this.prefix + "1";
		String second = this.prefix + "2";
		FileClient.Result result = planner().upload("format=txt&dryRun=false", "a.txt",
				file(this.ground.rectangle(first, 0, 0, 40, 50, "0.2000"),
						this.ground.rectangle(second, 100, 0, 30, 30, "0.0900")));
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.json().get("ids").size()).isEqualTo(2);
		double surveyed = this.jdbc.sql("SELECT surveyed_area_m2 FROM zonegis.parcel WHERE code = :code")
			.param("code", second)
			.query(Double.class)
			.single();
		assertThat(surveyed).isEqualTo(900.0);
		assertThat(this.jdbc.sql("SELECT count(*) FROM zonegis.audit_log WHERE action = 'import' AND entity_id IS NULL")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void reimportingAnUnchangedParcelStoresNothingAndMakesNoVersion() {
		String code = this.prefix + "1";
		byte[] original = file(this.ground.rectangle(code, 0, 0, 40, 50, "0.2000"));
		long id = planner().upload("format=txt&dryRun=false", "a.txt", original).json().get("ids").get(0).asLong();

		JsonNode dryRun = planner().upload("format=txt&dryRun=true", "a.txt", original).json();
		assertThat(dryRun.get("items").get(0).get("action").asString()).isEqualTo("unchanged");
		JsonNode again = planner().upload("format=txt&dryRun=false", "a.txt", original).json();
		assertThat(again.get("unchanged").asInt()).isEqualTo(1);
		assertThat(again.get("toUpdate").asInt()).isZero();
		assertThat(again.get("ids").get(0).asLong()).isEqualTo(id);
		assertThat(this.jdbc.sql("SELECT version FROM zonegis.parcel WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM zonegis.parcel_history WHERE parcel_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();

		byte[] renamed = file(this.ground.rectangle(code, 0, 0, 40, 51, "0.2040"));
		JsonNode changed = planner().upload("format=txt&dryRun=true", "b.txt", renamed).json();
		assertThat(changed.get("items").get(0).get("action").asString()).isEqualTo("update");
	}

	@Test
	void exportThenImportGivesBackEveryVertexWithinOneMillimetre() {
		String code = this.prefix + "1";
		byte[] original = file(this.ground.rectangle(code, 0, 0, 40.123, 50.456, "0.2024"));
		JsonNode ids = planner().upload("format=txt&dryRun=false", "a.txt", original).json().get("ids");
		FileClient.Result exported = planner().download("format=txt&zonePrefix=true&ids=" + ids.get(0).asLong());
		assertThat(exported.status()).isEqualTo(200);
		List<TxtFile.Point> before = TxtReader.read(original, null).parcels().get(0).rings().get(0).points();
		TxtFile again = TxtReader.read(exported.body(), null);
		assertThat(again.attribute(TxtFile.ZONE)).isEqualTo("41");
		List<TxtFile.Point> after = again.parcels().get(0).rings().get(0).points();
		assertThat(after).hasSameSizeAs(before);
		for (TxtFile.Point point : before) {
			assertThat(after).anySatisfy((p) -> {
				assertThat(p.northing()).isCloseTo(point.northing(), within(0.001));
				assertThat(p.easting()).isCloseTo(point.easting(), within(0.001));
			});
		}
		JsonNode reimport = planner().upload("format=txt&dryRun=true", "again.txt", exported.body()).json();
		// The round trip gave back the stored boundary: importing it again would change
		// nothing.
		assertThat(reimport.get("items").get(0).get("action").asString()).isEqualTo("unchanged");
		assertThat(reimport.get("items").get(0).get("valid").asBoolean()).isTrue();
	}

	/**
	 * The parcel's rectangle as the surveyor might forget it: without the closing point.
	 */
	private String withoutClosingPoint(String code) {
		String parcel = this.ground.rectangle(code, 0, 0, 20, 20, "0.0400");
		return parcel.substring(0, parcel.stripTrailing().lastIndexOf('\n') + 1);
	}

	/**
	 * Two 20 m squares 50 m apart written as rings 1 and 2 of one parcel: ring 2 is no
	 * hole.
	 */
	private String ringOutsideItsShell(String code) {
		String first = this.ground.rectangle(code, 0, 0, 20, 20, "0.0800");
		String second = this.ground.rectangle(code, 0, 50, 20, 20, "0.0800");
		String secondRing = second.substring(second.indexOf('\n') + 1).replace(",1,", ",2,").replace("J", "K");
		return first + secondRing;
	}

	@Test
	void anOpenRingIsRefusedSayingHowToRepairIt() {
		String code = this.prefix + "1";
		byte[] gbk = (FreeGround.header() + withoutClosingPoint(code)).getBytes(TextDecoding.GBK);
		JsonNode item = planner().upload("dryRun=true&format=txt", "gbk.txt", gbk).json().get("items").get(0);
		assertThat(item.get("name").asString()).isEqualTo("测试地块");
		assertThat(item.get("valid").asBoolean()).isFalse();
		JsonNode problem = item.get("problems").get(0);
		assertThat(problem.get("type").asString()).isEqualTo("ring-open");
		assertThat(problem.get("properties").get("parameter").asString()).isEqualTo("repair");
		assertThat(problem.get("detail").asString()).contains(code).contains("J1").contains("repair=true");
		FileClient.Result real = planner().upload("dryRun=false&format=txt", "gbk.txt", gbk);
		assertThat(real.status()).isEqualTo(422);
		assertThat(real.json().get("features").findValuesAsString("type")).containsExactly("ring-open");
		assertThat(stored(code)).isZero();
	}

	@Test
	void withRepairAnOpenRingIsClosedAndTheRepairListedInPreviewResultAndAudit() {
		String code = this.prefix + "1";
		byte[] gbk = (FreeGround.header() + withoutClosingPoint(code)).getBytes(TextDecoding.GBK);
		JsonNode preview = planner().upload("dryRun=true&repair=true&format=txt", "gbk.txt", gbk).json();
		JsonNode item = preview.get("items").get(0);
		assertThat(item.get("valid").asBoolean()).isTrue();
		assertThat(item.get("repairs").findValuesAsString("type")).containsExactly("ring-closed");
		assertThat(item.get("warnings").findValuesAsString("type")).contains("point-count");
		assertThat(preview.get("repaired").get(0).get("code").asString()).isEqualTo(code);

		FileClient.Result real = planner().upload("dryRun=false&repair=true&format=txt", "gbk.txt", gbk);
		assertThat(real.status()).as(real.text()).isEqualTo(200);
		JsonNode repaired = real.json().get("repaired");
		assertThat(repaired).hasSize(1);
		assertThat(repaired.get(0).get("code").asString()).isEqualTo(code);
		assertThat(repaired.get(0).get("repairs").findValuesAsString("type")).containsExactly("ring-closed");
		assertThat(stored(code)).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM zonegis.audit_log
				WHERE action = 'import' AND entity_id IS NULL AND detail->'repaired'->0->>'code' = :code
				""").param("code", code).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aRingOutsideItsShellIsRefusedUnlessItMayBecomeAnotherPart() {
		String code = this.prefix + "1";
		byte[] twoShells = file(ringOutsideItsShell(code));
		FileClient.Result strict = planner().upload("dryRun=false&format=txt", "a.txt", twoShells);
		assertThat(strict.status()).isEqualTo(422);
		JsonNode problem = strict.json().get("features").get(0).get("problems").get(0);
		assertThat(problem.get("type").asString()).isEqualTo("ring-outside-shell");
		assertThat(problem.get("properties").get("ring").asInt()).isEqualTo(2);
		assertThat(stored(code)).isZero();

		FileClient.Result repaired = planner().upload("dryRun=false&repair=true&format=txt", "a.txt", twoShells);
		assertThat(repaired.status()).as(repaired.text()).isEqualTo(200);
		assertThat(repaired.json().get("repaired").get(0).get("repairs").findValuesAsString("type"))
			.containsExactly("ring-as-part");
		assertThat(this.jdbc.sql("SELECT ST_NumGeometries(geom) FROM zonegis.parcel WHERE code = :code")
			.param("code", code)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void anImportThatDoesNotSayWhetherItIsADryRunIsRefused() {
		String code = this.prefix + "1";
		FileClient.Result result = planner().upload("format=txt", "a.txt",
				file(this.ground.rectangle(code, 0, 0, 40, 50, "0.2000")));
		assertProblem(result, 400, "missing-parameter");
		assertThat(result.json().get("parameter").asString()).isEqualTo("dryRun");
		assertThat(result.json().get("detail").asString()).contains("dryRun=true").contains("dryRun=false");
		assertThat(stored(code)).isZero();
		FileClient.Result unclear = planner().upload("dryRun=perhaps&format=txt", "a.txt",
				file(this.ground.rectangle(code, 0, 0, 40, 50, "0.2000")));
		assertThat(unclear.status()).isEqualTo(400);
		assertThat(unclear.json().get("parameter").asString()).isEqualTo("dryRun");
		assertThat(stored(code)).isZero();
	}

	@Test
	void anImportFailingAtItsLastFeatureLeavesNoParcelNoAuditAndNoHistory() {
		String kept = this.prefix + "1";
		String neighbour = this.prefix + "2";
		assertThat(planner()
			.upload("dryRun=false&format=txt", "first.txt",
					file(this.ground.rectangle(kept, 0, 0, 40, 50, "0.2000"),
							this.ground.rectangle(neighbour, 200, 0, 40, 50, "0.2000")))
			.status()).isEqualTo(200);
		long lastAudit = scalar("SELECT max(id) FROM zonegis.audit_log");
		long parcelIds = scalar("SELECT last_value FROM zonegis.parcel_id_seq");
		String created = this.prefix + "3";
		String last = this.prefix + "4";
		// An update, a new parcel, and a last feature overlapping the neighbour.
		FileClient.Result result = planner().upload("dryRun=false&format=txt", "second.txt",
				file(this.ground.rectangle(kept, 0, 0, 45, 50, "0.2250"),
						this.ground.rectangle(created, 100, 0, 40, 50, "0.2000"),
						this.ground.rectangle(last, 220, 0, 40, 50, "0.2000")));

		assertThat(result.status()).isEqualTo(422);
		assertThat(result.json().get("features")).hasSize(1);
		assertThat(result.json().get("features").get(0).get("code").asString()).isEqualTo(last);
		assertThat(scalar("SELECT last_value FROM zonegis.parcel_id_seq"))
			.as("the whole file is checked before any row is written")
			.isEqualTo(parcelIds);
		assertThat(stored(created) + stored(last)).isZero();
		assertThat(this.jdbc.sql("SELECT version FROM zonegis.parcel WHERE code = :code")
			.param("code", kept)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(scalar("""
				SELECT count(*) FROM zonegis.parcel_history h JOIN zonegis.parcel p ON p.id = h.parcel_id
				WHERE p.code LIKE '%s%%'
				""".formatted(this.prefix))).isZero();
		assertThat(scalar("SELECT count(*) FROM zonegis.audit_log WHERE id > " + lastAudit)).isZero();
	}

	private long scalar(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void surveyedAreaBeyondThePrecisionIsAWarningNotARefusal() {
		FileClient.Result result = planner().upload("dryRun=true&format=txt", "a.txt",
				file(this.ground.rectangle(this.prefix + "1", 0, 0, 40, 50, "0.2100")));
		JsonNode item = result.json().get("items").get(0);
		assertThat(item.get("valid").asBoolean()).isTrue();
		assertThat(item.get("warnings").findValuesAsString("type")).containsExactly("area-mismatch");
	}

	@Nested
	class Refusals {

		@Test
		void swappedAxesAreCaughtByTheZoneExtentCheck() {
			String code = TxtImportTests.this.prefix + "1";
			String swapped = TxtImportTests.this.ground.rectangle(code, 0, 0, 40, 50, "0.2000").lines().map((line) -> {
				String[] f = line.split(",");
				return line.endsWith("@") ? line : f[0] + "," + f[1] + "," + f[3] + "," + f[2];
			}).reduce("", (a, b) -> a + b + "\n");
			FileClient.Result dryRun = planner().upload("dryRun=true&format=txt", "swapped.txt", file(swapped));
			JsonNode problem = dryRun.json().get("items").get(0).get("problems").get(0);
			assertThat(problem.get("type").asString()).isEqualTo("axes-swapped");
			assertThat(problem.get("detail").asString()).contains("写反");
			FileClient.Result real = planner().upload("format=txt&dryRun=false", "swapped.txt", file(swapped));
			assertProblem(real, 422);
			assertThat(stored(code)).isZero();
		}

		@Test
		void oneOverlappingParcelRefusesTheWholeFile() {
			String first = TxtImportTests.this.prefix + "1";
			String second = TxtImportTests.this.prefix + "2";
			String third = TxtImportTests.this.prefix + "3";
			FileClient.Result result = planner().upload("format=txt&dryRun=false", "a.txt",
					file(TxtImportTests.this.ground.rectangle(first, 0, 0, 40, 50, "0.2000"),
							TxtImportTests.this.ground.rectangle(second, 200, 0, 40, 50, "0.2000"),
							TxtImportTests.this.ground.rectangle(third, 20, 25, 40, 50, "0.2000")));
			assertThat(result.status()).isEqualTo(422);
			JsonNode faults = result.json().get("features");
			assertThat(faults.findValuesAsString("code")).contains(third).doesNotContain(second);
			assertThat(faults.findValuesAsString("type")).contains("red-line-overlap");
			assertThat(stored(first) + stored(second) + stored(third)).isZero();
		}

		@Test
		void overlapsWithinTheFileAndWithAStoredParcelAreAllNamedAndNothingIsStored() {
			String stored = TxtImportTests.this.prefix + "S";
			assertThat(planner()
				.upload("format=txt&dryRun=false", "stored.txt",
						file(TxtImportTests.this.ground.rectangle(stored, 0, 0, 40, 50, "0.2000")))
				.status()).isEqualTo(200);
			String onStored = TxtImportTests.this.prefix + "A";
			String clean = TxtImportTests.this.prefix + "B";
			String west = TxtImportTests.this.prefix + "C";
			String east = TxtImportTests.this.prefix + "D";
			FileClient.Result result = planner().upload("format=txt&dryRun=false", "b.txt",
					file(TxtImportTests.this.ground.rectangle(onStored, 20, 25, 40, 50, "0.2000"),
							TxtImportTests.this.ground.rectangle(clean, 400, 0, 40, 50, "0.2000"),
							TxtImportTests.this.ground.rectangle(west, 200, 0, 40, 50, "0.2000"),
							TxtImportTests.this.ground.rectangle(east, 210, 30, 40, 50, "0.2000")));

			assertThat(result.status()).isEqualTo(422);
			JsonNode faults = result.json().get("features");
			assertThat(faults).extracting((fault) -> fault.get("code").asString())
				.containsExactly(onStored, west, east);
			assertThat(conflicting(faults, onStored)).containsExactly(stored);
			assertThat(conflicting(faults, west)).containsExactly(east);
			assertThat(conflicting(faults, east)).containsExactly(west);
			assertThat(stored(onStored) + stored(clean) + stored(west) + stored(east)).isZero();
		}

		private List<String> conflicting(JsonNode faults, String code) {
			for (JsonNode fault : faults) {
				if (fault.get("code").asString().equals(code)) {
					return fault.get("problems")
						.get(0)
						.get("properties")
						.get("conflictingParcels")
						.findValuesAsString("code");
				}
			}
			throw new AssertionError(code + " is not among the refused features: " + faults);
		}

		@Test
		void xian1980FileIsRefused() {
			String text = FreeGround.header().replace("2000国家大地坐标系", "1980西安坐标系")
					+ TxtImportTests.this.ground.rectangle(TxtImportTests.this.prefix + "1", 0, 0, 10, 10, "0.01");
			FileClient.Result result = planner().upload("dryRun=true&format=txt", "x.txt",
					text.getBytes(StandardCharsets.UTF_8));
			assertThat(result.status()).isEqualTo(422);
			assertThat(result.json().get("type").asString()).endsWith("/txt-datum");
		}

		@Test
		void aViewerMayNotImport() {
			FileClient.Result result = new FileClient(TxtImportTests.this.port, "viewer").upload(
					"dryRun=true&format=txt", "a.txt",
					file(TxtImportTests.this.ground.rectangle(TxtImportTests.this.prefix + "1", 0, 0, 10, 10, "0.01")));
			assertThat(result.status()).isEqualTo(403);
		}

		@Test
		void anUnknownFormatIsABadRequest() {
			FileClient.Result result = planner().upload("dryRun=true&format=../../etc/passwd", "a.txt",
					new byte[] { 1 });
			assertThat(result.status()).isEqualTo(400);
			assertThat(result.json().get("type").asString()).endsWith("/unknown-format");
		}

		@Test
		void garbageIsABadRequestNamingTheLine() {
			FileClient.Result result = planner().upload("dryRun=true&format=txt", "a.txt",
					(FreeGround.header() + "1,1,1,1,@\nJ1;1;DROP TABLE parcel\n").getBytes(StandardCharsets.UTF_8));
			assertThat(result.status()).isEqualTo(400);
			assertThat(result.json().get("line").asInt()).isEqualTo(12);
		}

	}

	/** Nothing the file holds is passed by: what the import cannot keep refuses it. */
	@Nested
	class NothingIsDropped {

		@Test
		void aParcelUnderAnUnknownSectionIsRefusedNamingTheLineAndNothingIsStored() {
			String kept = TxtImportTests.this.prefix + "1";
			String misplaced = TxtImportTests.this.prefix + "2";
			byte[] body = file(TxtImportTests.this.ground.rectangle(kept, 0, 0, 40, 50, "0.2000"), "[其他]\n",
					TxtImportTests.this.ground.rectangle(misplaced, 100, 0, 40, 50, "0.2000"));
			FileClient.Result refused = planner().upload("format=txt&dryRun=false", "a.txt", body);

			assertProblem(refused, 400, "txt-unreadable");
			assertThat(refused.json().get("line").asInt()).isEqualTo(17);
			assertThat(stored(kept)).isZero();
		}

		@Test
		void aLineOutsideAnySectionIsRefusedNamingTheLine() {
			String code = TxtImportTests.this.prefix + "1";
			byte[] body = ("随便一行\n" + FreeGround.header()
					+ TxtImportTests.this.ground.rectangle(code, 0, 0, 40, 50, "0.2000"))
				.getBytes(StandardCharsets.UTF_8);
			FileClient.Result refused = planner().upload("format=txt&dryRun=false", "a.txt", body);

			assertProblem(refused, 400, "txt-unreadable");
			assertThat(refused.json().get("line").asInt()).isEqualTo(1);
			assertThat(stored(code)).isZero();
		}

		@Test
		void aPointLineWithMoreThanFourColumnsIsRefusedNamingTheLine() {
			String code = TxtImportTests.this.prefix + "1";
			String parcel = TxtImportTests.this.ground.rectangle(code, 0, 0, 40, 50, "0.2000");
			String[] lines = parcel.split("\n");
			lines[2] = lines[2].strip() + ",999,extra";
			FileClient.Result refused = planner().upload("format=txt&dryRun=false", "a.txt",
					file(String.join("\n", lines) + "\n"));

			assertProblem(refused, 400, "txt-unreadable");
			assertThat(refused.json().get("line").asInt()).isEqualTo(13);
			assertThat(stored(code)).isZero();
		}

		@Test
		void aLineShapeIsRefusedBecauseARedLineIsAnArea() {
			String code = TxtImportTests.this.prefix + "1";
			String parcel = TxtImportTests.this.ground.rectangle(code, 0, 0, 40, 50, "0.2000").replace(",面,", ",线,");
			FileClient.Result refused = planner().upload("format=txt&dryRun=false", "a.txt", file(parcel));

			assertProblem(refused, 400, "txt-unreadable");
			assertThat(refused.json().get("line").asInt()).isEqualTo(11);
			assertThat(refused.json().get("detail").asString()).contains("线");
			assertThat(stored(code)).isZero();
		}

		@Test
		void theMapSheetAndTheProvincesExtraFieldsAreKeptInTheNote() {
			String code = TxtImportTests.this.prefix + "1";
			String parcel = TxtImportTests.this.ground.rectangle(code, 0, 0, 40, 50, "0.2000")
				.replace(",面,,工业用地,0601,@", ",面,J51G001001,工业用地,0601,省字段A,,省字段B,@");
			FileClient.Result imported = planner().upload("format=txt&dryRun=false", "a.txt", file(parcel));

			assertThat(imported.status()).as(imported.text()).isEqualTo(200);
			assertThat(TxtImportTests.this.jdbc.sql("SELECT note FROM zonegis.parcel WHERE code = :code")
				.param("code", code)
				.query(String.class)
				.single()).isEqualTo("图幅号=J51G001001；附加字段=省字段A,,省字段B");
		}

		@Test
		void aNameLongerThanTheApiAllowsRefusesTheParcelAndNothingIsStored() {
			String code = TxtImportTests.this.prefix + "1";
			String parcel = TxtImportTests.this.ground.rectangle(code, 0, 0, 40, 50, "0.2000")
				.replace(",测试地块,", "," + "长".repeat(3000) + ",");
			FileClient.Result refused = planner().upload("format=txt&dryRun=false", "a.txt", file(parcel));

			assertProblem(refused, 422, "import-refused");
			JsonNode fault = refused.json().get("features").get(0);
			assertThat(fault.get("code").asString()).isEqualTo(code);
			assertThat(fault.get("problems").get(0).toString()).contains("name");
			assertThat(stored(code)).isZero();
		}

		@Test
		void aNameWithBlanksAroundItRefusesTheParcelRatherThanBeingTrimmed() {
			String code = TxtImportTests.this.prefix + "1";
			String parcel = TxtImportTests.this.ground.rectangle(code, 0, 0, 40, 50, "0.2000")
				.replace(",测试地块,", ", 测试地块,");
			FileClient.Result refused = planner().upload("format=txt&dryRun=false", "a.txt", file(parcel));

			assertProblem(refused, 422, "import-refused");
			JsonNode problem = refused.json().at("/features/0/problems/0");
			assertThat(problem.get("type").asString()).isEqualTo("blanks-around-text");
			assertThat(problem.at("/properties/property").asString()).isEqualTo("name");
			assertThat(stored(code)).isZero();
		}

	}

}
