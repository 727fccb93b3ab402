package cn.zonegis.workorder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.zonegis.ApiProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pure rules: units per kind, the SLA table, crew ranking, entity tags and photo types.
 */
class WorkOrderRulesTests {

	@Test
	void eachKindCountsItsWorkInItsOwnUnit() {
		assertThat(WorkOrderKind.PIPE_DREDGING.accepts("m")).isTrue();
		assertThat(WorkOrderKind.PIPE_DREDGING.accepts("m2")).isFalse();
		assertThat(WorkOrderKind.ROAD_REPAIR.accepts("m2")).isTrue();
		assertThat(WorkOrderKind.STREETLIGHT_REPAIR.accepts("盏")).isTrue();
		assertThat(WorkOrderKind.WELL_REPAIR.accepts("座")).isTrue();
		assertThat(WorkOrderKind.CABLE_REPAIR.accepts("盏")).isFalse();
	}

	@Test
	void anInspectionRecordsNoQuantityAndOtherWorkAnyKnownUnit() {
		assertThat(WorkOrderKind.INSPECTION.needsQuantity()).isFalse();
		assertThat(WorkOrderKind.INSPECTION.accepts("m")).isFalse();
		assertThat(WorkOrderKind.OTHER.needsQuantity()).isFalse();
		assertThat(WorkOrderKind.OTHER.accepts("m2")).isTrue();
		assertThat(WorkOrderKind.OTHER.accepts("kg")).isFalse();
	}

	@Test
	void theDefaultSlaGivesUrgentWorkFourHoursAndAnOpenManholeTwo() {
		SlaProperties sla = new SlaProperties(null, null);
		assertThat(sla.allowed(WorkOrderKind.ROAD_REPAIR, WorkOrderPriority.URGENT)).isEqualTo(Duration.ofHours(4));
		assertThat(sla.allowed(WorkOrderKind.ROAD_REPAIR, WorkOrderPriority.NORMAL)).isEqualTo(Duration.ofHours(72));
		assertThat(sla.allowed(WorkOrderKind.WELL_COVER, WorkOrderPriority.URGENT)).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void configuredSlaOverridesTheDefaultsKindBeforePriority() {
		SlaProperties sla = new SlaProperties(Map.of("urgent", Duration.ofHours(6)),
				Map.of("pipe_dredging", Map.of("urgent", Duration.ofHours(3))));
		assertThat(sla.allowed(WorkOrderKind.PIPE_DREDGING, WorkOrderPriority.URGENT)).isEqualTo(Duration.ofHours(3));
		assertThat(sla.allowed(WorkOrderKind.WELL_COVER, WorkOrderPriority.URGENT)).isEqualTo(Duration.ofHours(6));
		assertThat(sla.allowed(WorkOrderKind.ROAD_REPAIR, WorkOrderPriority.LOW)).isEqualTo(Duration.ofDays(7));
	}

	@Test
	void aSkilledCrewRanksBeforeACloserUnskilledOne() {
		List<CrewSuggestion.Ranked> ranked = CrewSuggestion
			.rank(List.of(new CrewSuggestion(1, "near", List.of("greening"), false, 100, 0),
					new CrewSuggestion(2, "far", List.of("road_repair"), true, 5000, 0)));
		assertThat(ranked).extracting(CrewSuggestion.Ranked::crewId).containsExactly(2L, 1L);
		assertThat(ranked.get(0).rank()).isEqualTo(1);
	}

	@Test
	void amongSkilledCrewsOpenOrdersWeighAsDistance() {
		List<CrewSuggestion.Ranked> ranked = CrewSuggestion
			.rank(List.of(new CrewSuggestion(1, "busy", List.of("road_repair"), true, 500, 3),
					new CrewSuggestion(2, "free", List.of("road_repair"), true, 2000, 0)));
		assertThat(ranked).extracting(CrewSuggestion.Ranked::crewId).containsExactly(2L, 1L);
		assertThat(ranked.get(1).costM()).isEqualTo(500 + 3 * CrewSuggestion.METRES_PER_OPEN_ORDER);
	}

	@Test
	void photosAreRecognisedByTheirBytesNotTheirName() {
		assertThat(WorkOrderPhotos.imageType(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }))
			.isEqualTo("image/jpeg");
		assertThat(WorkOrderPhotos.imageType(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }))
			.isEqualTo("image/png");
		assertThat(WorkOrderPhotos.imageType("<svg onload=alert(1)>".getBytes())).isNull();
		assertThat(WorkOrderPhotos.imageType(new byte[0])).isNull();
	}

	@Test
	void aPhotosNameLosesItsPath() {
		assertThat(WorkOrderPhotos.filename("C:\\Users\\crew\\现场.jpg")).isEqualTo("现场.jpg");
		assertThat(WorkOrderPhotos.filename("../../etc/passwd")).isEqualTo("passwd");
		assertThat(WorkOrderPhotos.filename(null)).isEqualTo("photo");
	}

	@Test
	void aPhotosNameIsKeptAsSentOrRefused() {
		assertThat(WorkOrderPhotos.filename(" 现场 1.jpg ")).isEqualTo(" 现场 1.jpg ");
		assertThat(WorkOrderPhotos.filename("井".repeat(WorkOrderPhotos.MAX_NAME))).hasSize(WorkOrderPhotos.MAX_NAME);
		assertThatThrownBy(() -> WorkOrderPhotos.filename("井".repeat(WorkOrderPhotos.MAX_NAME + 1)))
			.isInstanceOf(ApiProblem.class);
		assertThatThrownBy(() -> WorkOrderPhotos.filename("a\u0085b.png")).isInstanceOf(ApiProblem.class);
	}

}
