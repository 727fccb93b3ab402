package cn.zonegis.io;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import cn.zonegis.EventStreamClient;
import cn.zonegis.EventStreamClient.Event;
import cn.zonegis.IntegrationTest;
import cn.zonegis.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other planners' maps hear of an import as one summary event, whatever the number of
 * parcels in the file.
 */
class ImportLiveEventTests extends IntegrationTest {

	private static final String OTHER_PLANNER = "test-import-planner";

	@BeforeEach
	void secondPlanner() {
		addUser(OTHER_PLANNER, "第三规划员", Role.PLANNER, null);
	}

	@Test
	void anImportReachesTheOtherPlannersAsOneEventWithItsCountCodesAndBox() {
		FreeGround ground = FreeGround.find(this.jdbc);
		String prefix = prefix();
		try (EventStreamClient other = EventStreamClient.open(this.port, OTHER_PLANNER, null);
				EventStreamClient own = EventStreamClient.open(this.port, "planner", null);
				EventStreamClient viewer = EventStreamClient.open(this.port, "viewer", null)) {
			FileClient.Result imported = new FileClient(this.port, "planner").upload("format=txt&dryRun=false",
					"survey.txt", threeParcels(ground, prefix, 0));
			assertThat(imported.status()).as(imported.text()).isEqualTo(200);

			Event heard = other.await(importOf(prefix));
			assertThat(heard.json().get("actor").asString()).isEqualTo("planner");
			assertThat(heard.data().get("count").asInt()).isEqualTo(3);
			assertThat(heard.data().get("created").asInt()).isEqualTo(3);
			assertThat(heard.data().get("codes").valueStream().map((c) -> c.asString())).containsExactly(prefix + "1",
					prefix + "2", prefix + "3");
			List<Double> bbox = heard.data().get("bbox").valueStream().map((v) -> v.asDouble()).toList();
			assertThat(bbox).hasSize(4);
			assertThat(bbox.get(0)).isLessThan(bbox.get(2));
			assertThat(bbox.get(1)).isLessThan(bbox.get(3));

			// A later import by someone else shows what would have arrived by now.
			String later = prefix();
			FileClient.Result byOther = new FileClient(this.port, OTHER_PLANNER).upload("format=txt&dryRun=false",
					"later.txt", threeParcels(ground, later, 400));
			assertThat(byOther.status()).as(byOther.text()).isEqualTo(200);
			own.await(importOf(later));
			assertThat(own.received()).noneMatch(importOf(prefix)).noneMatch((e) -> e.type().equals("parcel.changed"));
			assertThat(other.received()).filteredOn(importOf(prefix)).hasSize(1);
			assertThat(viewer.received()).noneMatch((e) -> e.type().equals("parcels.imported"));
		}
	}

	private static Predicate<Event> importOf(String prefix) {
		return (e) -> e.type().equals("parcels.imported")
				&& e.data().get("codes").valueStream().anyMatch((c) -> c.asString().startsWith(prefix));
	}

	private static String prefix() {
		return "L" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	private static byte[] threeParcels(FreeGround ground, String prefix, double dn) {
		return (FreeGround.header() + ground.rectangle(prefix + "1", dn, 0, 40, 50, "0.2000")
				+ ground.rectangle(prefix + "2", dn + 100, 0, 40, 50, "0.2000")
				+ ground.rectangle(prefix + "3", dn + 200, 0, 40, 50, "0.2000"))
			.getBytes(StandardCharsets.UTF_8);
	}

}
