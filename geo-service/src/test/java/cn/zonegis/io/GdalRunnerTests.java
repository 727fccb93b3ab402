package cn.zonegis.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import cn.zonegis.ApiProblem;
import cn.zonegis.GdalCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
		assertThat(gdal.layers(kml, this.dir)).extracting(GdalRunner.LayerInfo::name, GdalRunner.LayerInfo::crs)
			.containsExactly(tuple("parcels", "WGS 84 (EPSG:4326)"));
	}

	@Test
	void eachLayerOfAFileIsListedWithItsOwnCrsAndCount() throws Exception {
		Path kml = this.dir.resolve("parcels.kml");
		Files.write(kml, SampleFilesTests.sample("parcels.kml"));
		Path gpkg = this.dir.resolve("two.gpkg");
		GdalCommand.run("ogr2ogr", "-f", "GPKG", "-nln", "lon lat", "-t_srs", "EPSG:4490", gpkg.toString(),
				kml.toString());
		GdalCommand.run("ogr2ogr", "-update", "-f", "GPKG", "-nln", "plane", "-t_srs", "EPSG:4529", "-limit", "1",
				gpkg.toString(), kml.toString());
		long features = runner(Duration.ofSeconds(30)).layers(kml, this.dir).get(0).features();

		assertThat(runner(Duration.ofSeconds(30)).layers(gpkg, this.dir))
			.extracting(GdalRunner.LayerInfo::name, GdalRunner.LayerInfo::crs, GdalRunner.LayerInfo::epsg,
					GdalRunner.LayerInfo::features)
			.containsExactly(tuple("lon lat", "China Geodetic Coordinate System 2000 (EPSG:4490)", 4490, features),
					tuple("plane", "CGCS2000 / 3-degree Gauss-Kruger zone 41 (EPSG:4529)", 4529, 1L));
	}

	@Test
	void aRunOverItsTimeLimitIsStopped() throws Exception {
		Path kml = this.dir.resolve("parcels.kml");
		Files.write(kml, SampleFilesTests.sample("parcels.kml"));
		assertThatThrownBy(() -> runner(Duration.ofMillis(1)).layers(kml, this.dir)).hasMessage("io.gdal.timeout");
	}

	@Test
	void aLayersCopyRowsReachTheReaderWithEveryFeature() throws Exception {
		Path kml = this.dir.resolve("parcels.kml");
		Files.write(kml, SampleFilesTests.sample("parcels.kml"));
		GdalRunner gdal = runner(Duration.ofSeconds(30));
		long features = gdal.layers(kml, this.dir).get(0).features();

		List<String> rows = gdal.toCopyRows(kml, "parcels", null, true, null, this.dir,
				(output) -> output.lines().dropWhile((line) -> !line.startsWith("COPY ")).toList());

		assertThat(rows.get(0)).contains("\"" + GdalRunner.COPY_GEOMETRY + "\"");
		assertThat(rows.subList(1, rows.indexOf("\\."))).hasSize((int) features);
	}

	@Test
	void aConversionReadAsItRunsIsStoppedAtItsTimeLimitToo() throws Exception {
		Path kml = this.dir.resolve("parcels.kml");
		Files.write(kml, SampleFilesTests.sample("parcels.kml"));
		assertThatThrownBy(() -> runner(Duration.ofMillis(1)).toCopyRows(kml, "parcels", null, true, null, this.dir,
				(output) -> output.lines().count()))
			.hasMessage("io.gdal.timeout");
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
