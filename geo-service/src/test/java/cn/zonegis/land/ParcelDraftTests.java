package cn.zonegis.land;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zonegis.geo.GeometryCheck;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an importer calls: dry-run checks, the all-or-nothing import and the export of a
 * selection.
 */
class ParcelDraftTests extends PlannerServiceTest {

	@Autowired
	private ParcelService parcels;

	@Autowired
	private ParcelBatches batches;

	@Autowired
	private GeometryCheck geometry;

	private ParcelDraft draft(String code, double lon, double lat) {
		MultiPolygon square = this.geometry.polygons(List.of(List.of(List.of(new Coordinate(lon, lat),
				new Coordinate(lon + 0.001, lat), new Coordinate(lon + 0.001, lat + 0.001),
				new Coordinate(lon, lat + 0.001), new Coordinate(lon, lat)))));
		return new ParcelDraft(code, "导入地块", "工业用地", "0601", "测试公司", 12345.6, square);
	}

	@Test
	void aCleanDraftHasNoProblems() {
		double[] c = TestGround.cell();
		assertThat(this.parcels.checkDraft(draft(TestGround.code("clean"), c[0], c[1]))).isEmpty();
	}

	@Test
	void aDraftOverlappingAStoredParcelOrAnotherDraftListsBoth() {
		double[] c = TestGround.cell();
		String stored = TestGround.code("stored");
		store(List.of(draft(stored, c[0], c[1])));
		ParcelDraft a = draft(TestGround.code("a"), c[0] + 0.0005, c[1]);
		ParcelDraft b = draft(TestGround.code("b"), c[0] + 0.001, c[1] + 0.0005);

		List<ParcelBatches.DraftCheck> checks = this.batches.check(asFile(List.of(a, b)));

		List<DraftProblem> problems = checks.get(0).problems();
		assertThat(problems).hasSize(1);
		assertThat(problems.get(0).type()).isEqualTo("red-line-overlap");
		@SuppressWarnings("unchecked")
		List<Overlap> overlaps = (List<Overlap>) problems.get(0).properties().get("conflictingParcels");
		assertThat(overlaps).extracting(Overlap::code).containsExactlyInAnyOrder(stored, b.code());
		assertThat(problems.get(0).detail()).contains(stored).contains(b.code());
		assertThat(checks.get(1).problems()).singleElement()
			.satisfies((p) -> assertThat(p.detail()).contains(a.code()));
	}

	@Test
	void anInvalidDraftIsReportedWithoutOverlaps() {
		double[] c = TestGround.cell();
		MultiPolygon bowTie = this.geometry.polygons(List.of(List.of(List.of(new Coordinate(c[0], c[1]),
				new Coordinate(c[0] + 0.001, c[1] + 0.001), new Coordinate(c[0] + 0.001, c[1]),
				new Coordinate(c[0], c[1] + 0.001), new Coordinate(c[0], c[1])))));
		ParcelDraft draft = new ParcelDraft(TestGround.code("bowtie"), null, null, null, null, null, bowTie);
		ParcelDraft neighbour = draft(TestGround.code("n"), c[0], c[1]);
		List<DraftProblem> problems = this.batches.check(asFile(List.of(draft, neighbour))).get(0).problems();
		assertThat(problems).singleElement().satisfies((p) -> {
			assertThat(p.type()).isEqualTo("invalid-geometry");
			assertThat(p.properties()).containsEntry("defect", "self-intersection");
		});
		assertThat(this.parcels.checkDraft(draft)).extracting(DraftProblem::type).containsExactly("invalid-geometry");
	}

	@Test
	void anExistingCodeAndACodeUsedTwiceAreReported() {
		double[] c = TestGround.cell();
		String stored = TestGround.code("stored");
		long id = store(List.of(draft(stored, c[0], c[1]))).get(0);
		ParcelDraft again = draft(stored, c[0], c[1]);
		ParcelDraft twin = draft(stored, c[0] + 0.0015, c[1]);
		assertThat(this.parcels.checkDraft(again)).extracting(DraftProblem::type).containsExactly("parcel-exists");
		List<ParcelBatches.DraftCheck> checks = this.batches.check(asFile(List.of(again, twin)));
		assertThat(checks).allSatisfy((check) -> {
			assertThat(check.existingId()).isEqualTo(id);
			assertThat(check.problems()).extracting(DraftProblem::type).containsExactly("duplicate-code");
		});
	}

	@Test
	void aCodeFromAFileMayHaveSixtyFourCharactersButNotMore() {
		double[] c = TestGround.cell();
		// 𠀋 is one character in two UTF-16 units: codes are counted in characters.
		String longest = TestGround.code("file", 63) + "𠀋";
		List<ParcelBatches.DraftCheck> checks = this.batches
			.check(asFile(List.of(draft(longest, c[0], c[1]), draft(longest + "x", c[0] + 0.0015, c[1]))));
		assertThat(checks.get(0).problems()).isEmpty();
		assertThat(checks.get(1).problems()).singleElement().satisfies((p) -> {
			assertThat(p.type()).isEqualTo("invalid-parcel");
			assertThat(p.detail()).contains("64");
		});
	}

	@Test
	void anImportIsAllOrNothing() {
		double[] c = TestGround.cell();
		long before = rowCount("parcel");
		List<ParcelDraft> drafts = new ArrayList<>(
				List.of(draft(TestGround.code("one"), c[0], c[1]), draft(TestGround.code("two"), c[0] + 0.0015, c[1])));
		drafts.add(draft(TestGround.code("overlapping"), c[0] + 0.0005, c[1]));

		ParcelBatches.Imported refused = this.batches.importAll(asFile(drafts), Map.of());
		assertThat(refused.refused()).isTrue();
		assertThat(refused.ids()).isEmpty();
		assertThat(refused.checks().get(2).problems()).extracting(DraftProblem::type)
			.containsExactly("red-line-overlap");
		assertThat(rowCount("parcel")).isEqualTo(before);

		List<Long> ids = store(drafts.subList(0, 2));
		assertThat(ids).hasSize(2);
		assertThat(this.parcels.get(ids.get(0)).properties().surveyedAreaM2().doubleValue()).isEqualTo(12345.6);
	}

	@Test
	void anImportReplacesTheParcelOfAKnownCodeKeepingItsHistory() {
		double[] c = TestGround.cell();
		String code = TestGround.code("known");
		long id = store(List.of(draft(code, c[0], c[1]))).get(0);
		List<Long> ids = this.batches.importAll(asFile(List.of(draft(code, c[0] + 0.0002, c[1]))), Map.of()).ids();
		assertThat(ids).containsExactly(id);
		assertThat(this.parcels.get(id).properties().version()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM zonegis.parcel_history WHERE parcel_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/** Drafts as a file that gives no note and no version gives them. */
	private static List<ParcelBatches.FileDraft> asFile(List<ParcelDraft> drafts) {
		return drafts.stream().map((d) -> new ParcelBatches.FileDraft(d, null, null)).toList();
	}

	private List<Long> store(List<ParcelDraft> drafts) {
		ParcelBatches.Imported imported = this.batches.importAll(asFile(drafts), Map.of());
		assertThat(imported.refused()).as(imported.checks().toString()).isFalse();
		return imported.ids();
	}

	@Test
	void aSelectionExportsAsGeoJsonAndAsJtsRecords() {
		double[] c = TestGround.cell();
		List<Long> ids = store(
				List.of(draft(TestGround.code("x"), c[0], c[1]), draft(TestGround.code("y"), c[0] + 0.0015, c[1])));
		ParcelSelection selection = new ParcelSelection(ids.subList(0, 1), null, List.of("planned"));

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.parcels.exportSelection(selection, out);
		var collection = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(collection.get("features").size()).isEqualTo(1);
		assertThat(collection.get("features").get(0).get("id").asLong()).isEqualTo(ids.get(0));

		List<ParcelRecord> records = new ArrayList<>();
		this.parcels.exportSelection(
				new ParcelSelection(null,
						new cn.zonegis.geo.BBox(c[0] - 0.0001, c[1] - 0.0001, c[0] + 0.003, c[1] + 0.002), null),
				records::add);
		assertThat(records).extracting(ParcelRecord::id).containsExactlyElementsOf(ids);
		assertThat(records.get(0).geometry().getSRID()).isEqualTo(4490);
		assertThat(records.get(0).geometry().getEnvelopeInternal().getMinX()).isEqualTo(c[0]);
	}

}
