package cn.zonegis.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import cn.zonegis.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GDAL as a child process: time-limited and offline. Plain JUnit with the real ogr2ogr
 * and ogrinfo.
 */
class GdalRunnerTests {

	@TempDir
	Path dir;

	private static GdalRunner runner(Duration timeout) {
		return runner(timeout, DataSize.ofGigabytes(2));
	}

	private static GdalRunner runner(Duration timeout, DataSize memory) {
		return new GdalRunner(new IoProperties(timeout, memory, 1 << 20, 20, 100, false));
	}

	@Test
	void layersAndTheirCrsAreListed() throws Exception {
		Path kml = this.dir.resolve("parcels.kml");
		Files.write(kml, SampleFilesTests.sample("parcels.kml"));
		GdalRunner gdal = runner(Duration.ofSeconds(30));
		assertThat(gdal.layers(kml, this.dir)).containsExactly("parcels");
		assertThat(gdal.describe(kml, "parcels", this.dir).crs()).isEqualTo("WGS 84 (EPSG:4326)");
	}

	@Test
	void aRunOverItsTimeLimitIsStopped() throws Exception {
		Path kml = this.dir.resolve("parcels.kml");
		Files.write(kml, SampleFilesTests.sample("parcels.kml"));
		assertThatThrownBy(() -> runner(Duration.ofMillis(1)).layers(kml, this.dir)).hasMessage("io.gdal.timeout");
	}

	@Test
	void aRunPastItsMemoryLimitIsStoppedNamingTheLimit() throws Exception {
		Path kml = this.dir.resolve("parcels.kml");
		Files.write(kml, SampleFilesTests.sample("parcels.kml"));
		// 16 MB is less than GDAL's own libraries need, so the limit bites at once, as it
		// would on a
		// file needing more than the configured memory.
		assertThatThrownBy(() -> runner(Duration.ofSeconds(30), DataSize.ofMegabytes(16)).layers(kml, this.dir))
			.isInstanceOfSatisfying(ApiProblem.class,
					(problem) -> assertThat(problem.getMessage()).isEqualTo("io.gdal.memory"));
	}

	@Test
	void gdalReachesNoNetwork() {
		long start = System.nanoTime();
		assertThatThrownBy(
				() -> runner(Duration.ofSeconds(30)).layers(Path.of("/vsicurl/http://example.com/a.geojson"), this.dir))
			.hasMessage("io.gdal.failed");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
	}

}
