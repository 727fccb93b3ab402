package cn.zonegis.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Zip entries are checked before anything is extracted, and the bytes counted while
 * extracting. Plain JUnit.
 */
class ZipGuardTests {

	@TempDir
	Path dir;

	private Path zip(String extraEntry) throws IOException {
		Path zip = this.dir.resolve("in.zip");
		Files.write(zip, GdalImportTests.rezip(SampleFilesTests.sample("parcels.zip"), extraEntry));
		return zip;
	}

	@Test
	void aShapefileZipExtractsItsParts() throws IOException {
		Path target = Files.createDirectory(this.dir.resolve("out"));
		assertThat(ZipGuard.extract(zip(null), target, 1 << 20, 20)).extracting((p) -> p.getFileName().toString())
			.contains("parcels.shp", "parcels.dbf", "parcels.prj");
	}

	@Test
	void absoluteAndVirtualNamesAreRefusedBeforeExtracting() throws IOException {
		for (String name : new String[] { "/etc/cron.d/x", "C:/x.shp", "a/../../x", "/vsicurl/http://x/a.shp" }) {
			Path target = Files.createTempDirectory(this.dir, "out");
			assertThatThrownBy(() -> ZipGuard.extract(zip(name), target, 1 << 20, 20)).hasMessage("io.zip.unsafe-name");
			try (var files = Files.list(target)) {
				assertThat(files).isEmpty();
			}
		}
	}

	@Test
	void moreBytesThanAllowedAreRefused() throws IOException {
		Path target = Files.createDirectory(this.dir.resolve("out"));
		assertThatThrownBy(() -> ZipGuard.extract(zip(null), target, 100, 20)).hasMessage("io.zip.too-large");
	}

	@Test
	void moreEntriesThanAllowedAreRefused() throws IOException {
		Path target = Files.createDirectory(this.dir.resolve("out"));
		assertThatThrownBy(() -> ZipGuard.extract(zip(null), target, 1 << 20, 2)).hasMessage("io.zip.too-many");
	}

}
