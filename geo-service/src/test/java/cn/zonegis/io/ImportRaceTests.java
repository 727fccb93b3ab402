package cn.zonegis.io;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import cn.zonegis.IntegrationTest;
import cn.zonegis.Race;
import org.junit.jupiter.api.Test;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Two surveyors' files covering the same ground, imported at the same moment. */
class ImportRaceTests extends IntegrationTest {

	@Test
	void twoImportsOfTheSameGroundAtOnceStoreOneFileWholeAndRefuseTheOther() {
		FreeGround ground = FreeGround.find(this.jdbc);
		List<String> prefixes = List.of(prefix(), prefix());
		FileClient planner = new FileClient(this.port, "planner");

		List<FileClient.Result> results = Race.run(2,
				(i) -> planner.upload("format=txt&dryRun=false", "survey.txt", threeParcels(ground, prefixes.get(i))));

		assertThat(results).filteredOn((r) -> r.status() == 200).hasSize(1);
		int loser = (results.get(0).status() == 200) ? 1 : 0;
		FileClient.Result refused = results.get(loser);
		assertProblem(refused, 422, "import-refused");
		assertThat(refused.json().get("features").findValuesAsString("type")).contains("red-line-overlap");
		assertThat(stored(prefixes.get(1 - loser))).isEqualTo(3);
		assertThat(stored(prefixes.get(loser))).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM zonegis.audit_log WHERE detail->>'code' LIKE :prefix")
			.param("prefix", prefixes.get(loser) + "%")
			.query(Long.class)
			.single()).isZero();
	}

	private static String prefix() {
		return "R" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	private static byte[] threeParcels(FreeGround ground, String prefix) {
		return (FreeGround.header() + ground.rectangle(prefix + "1", 0, 0, 40, 50, "0.2000")
				+ ground.rectangle(prefix + "2", 100, 0, 40, 50, "0.2000")
				+ ground.rectangle(prefix + "3", 200, 0, 40, 50, "0.2000"))
			.getBytes(StandardCharsets.UTF_8);
	}

	private long stored(String prefix) {
		return this.jdbc.sql("SELECT count(*) FROM zonegis.parcel WHERE code LIKE :prefix")
			.param("prefix", prefix + "%")
			.query(Long.class)
			.single();
	}

}
