package cn.zonegis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A start against a database that cannot be used stops at once with one line that says
 * why and a non-zero exit code, not the connection pool's and Flyway's stack traces
 * (issue 9, faults). Runs the service's main class in a child JVM, as scripts/run.sh
 * would.
 */
class DatabaseStartupTests {

	@Test
	void anUnreachableDatabaseStopsTheStartWithOneLine() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/zonegis";

		Started start = start(url);

		assertThat(start.exitCode()).isNotZero();
		assertThat(start.errors()).singleElement()
			.asString()
			.contains("the database " + url + " cannot be reached")
			.contains("scripts/db.sh start");
		assertThat(start.output()).doesNotContain("\tat ");
	}

	@Test
	void aDatabaseWithoutPostgisStopsTheStartWithOneLine() throws Exception {
		String testUrl = System.getenv()
			.getOrDefault("ZONEGIS_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:55432/zonegis_test");
		Optional<TestCluster> cluster = TestCluster.of(testUrl);
		assumeTrue(cluster.isPresent(), TestCluster.SKIP_REASON);
		String database = "zonegis_startup_without_postgis";
		try (Connection admin = cluster.get().admin("postgres"); Statement sql = admin.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + database);
			sql.execute("CREATE DATABASE " + database + " OWNER zonegis");
		}
		String url = testUrl.substring(0, testUrl.lastIndexOf('/') + 1) + database;
		try {
			Started start = start(url);

			assertThat(start.exitCode()).isNotZero();
			assertThat(start.errors()).singleElement()
				.asString()
				.contains("the database " + url + " lacks the PostGIS extension");
			assertThat(start.output()).doesNotContain("\tat ");
		}
		finally {
			try (Connection admin = cluster.get().admin("postgres"); Statement sql = admin.createStatement()) {
				sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
	}

	private static Started start(String databaseUrl) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				ZoneGisApplication.class.getName(), "--spring.datasource.url=" + databaseUrl, "--server.port=0")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the start ended").isTrue();
		return new Started(process.exitValue(), output);
	}

	private record Started(int exitCode, String output) {

		List<String> errors() {
			return this.output.lines().filter((line) -> line.contains(" ERROR ")).toList();
		}

	}

}
