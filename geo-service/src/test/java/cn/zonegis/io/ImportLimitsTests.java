package cn.zonegis.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configurable limits on an import: features per file, upload size and GDAL's time,
 * each a clear problem.
 */
@TestPropertySource(properties = { "zonegis.io.max-features=2", "zonegis.io.gdal-timeout=1ms",
		"spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=64KB" })
class ImportLimitsTests extends IntegrationTest {

	private FileClient planner() {
		return new FileClient(this.port, "planner");
	}

	@Test
	void aFileWithMoreFeaturesThanTheLimitIsRefusedNamingIt() {
		FreeGround ground = FreeGround.find(this.jdbc);
		String prefix = "L" + UUID.randomUUID().toString().substring(0, 8) + "-";
		byte[] three = (FreeGround.header() + ground.rectangle(prefix + "1", 0, 0, 20, 20, "0.0400")
				+ ground.rectangle(prefix + "2", 50, 0, 20, 20, "0.0400")
				+ ground.rectangle(prefix + "3", 100, 0, 20, 20, "0.0400"))
			.getBytes(StandardCharsets.UTF_8);

		FileClient.Result result = planner().upload("dryRun=false&format=txt", "three.txt", three);

		assertProblem(result, 413, "too-many-features");
		assertThat(result.json().get("limit").asInt()).isEqualTo(2);
		assertThat(result.json().get("features").asInt()).isEqualTo(3);
		assertThat(result.json().get("detail").asString()).contains("3").contains("2");
		assertThat(this.jdbc.sql("SELECT count(*) FROM zonegis.parcel WHERE code LIKE :prefix")
			.param("prefix", prefix + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anUploadLargerThanTheLimitIsAProblemNotTheContainersPage() {
		byte[] large = new byte[200 * 1024];
		Arrays.fill(large, (byte) ' ');

		FileClient.Result result = planner().upload("dryRun=true&format=txt", "large.txt", large);

		assertProblem(result, 413, "upload-too-large");
		assertThat(result.json().get("limitBytes").asLong()).isEqualTo(64 * 1024);
		assertThat(result.json().get("detail").asString()).contains("64 KB");
	}

	@Test
	void gdalRunningPastItsTimeIsStoppedWithAClearProblem() {
		FileClient.Result result = planner().upload("dryRun=true&format=geojson", "parcels.geojson",
				SampleFilesTests.sample("parcels.geojson"));

		assertProblem(result, 422, "file-too-slow");
		assertThat(result.json().get("limitSeconds").asDouble()).isEqualTo(0.001);
	}

}
