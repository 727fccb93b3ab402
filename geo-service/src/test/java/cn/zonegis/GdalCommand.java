package cn.zonegis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDAL's command-line tools (Debian's gdal-bin): on files a test writes, or as a real
 * client of the service, logged in as the demo viewer.
 */
public final class GdalCommand {

	private GdalCommand() {
	}

	public static boolean installed() {
		return Files.isExecutable(Path.of("/usr/bin/ogrinfo"));
	}

	/**
	 * Runs the command to its end (at most 2 minutes) and returns its output; it must
	 * succeed.
	 */
	public static String run(String... command) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("GDAL_HTTP_USERPWD", "viewer:viewer2026");
		try {
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as(output).isZero();
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
