package cn.zonegis.io;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import cn.zonegis.IntegrationTest;
import cn.zonegis.Waiting;
import cn.zonegis.ZoneGisApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service killed in the middle of an import leaves nothing of it (issue 9, faults). A
 * second service runs in a child JVM on the test database; the test holds the audit log
 * so the import stops at its audit entry with its parcels already written, kills the
 * child with SIGKILL, and checks that PostgreSQL rolled every row of it back.
 */
class ImportKillTests extends IntegrationTest {

	private static final Duration START = Duration.ofMinutes(3);

	@Autowired
	private DataSource dataSource;

	@Value("${spring.datasource.url}")
	private String databaseUrl;

	@Test
	void aServiceKilledDuringAnImportLeavesNothingOfIt() throws Exception {
		FreeGround ground = FreeGround.find(this.jdbc);
		String prefix = "K" + UUID.randomUUID().toString().substring(0, 8) + "-";
		byte[] file = (FreeGround.header() + ground.rectangle(prefix + "1", 0, 0, 20, 20, "0.0400")
				+ ground.rectangle(prefix + "2", 50, 0, 20, 20, "0.0400"))
			.getBytes(StandardCharsets.UTF_8);
		int port = freePort();
		Process child = startService(port);
		try (Connection holder = this.dataSource.getConnection()) {
			Waiting.until(START, () -> child.isAlive() && healthy(port));

			holder.setAutoCommit(false);
			try (Statement sql = holder.createStatement()) {
				sql.execute("LOCK TABLE zonegis.audit_log IN EXCLUSIVE MODE");
			}
			CompletableFuture
				.runAsync(() -> new FileClient(port, "planner").upload("dryRun=false&format=txt", "k.txt", file));
			Waiting.until(Duration.ofSeconds(60), () -> importWaitingOnTheAuditLog() > 0);
			long backend = importWaitingOnTheAuditLog();

			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the service is gone").isTrue();
			holder.rollback();
			// The import's backend finds its client gone and rolls back; once it has
			// ended, look.
			Waiting.until(Duration.ofSeconds(30),
					() -> this.jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid")
						.param("pid", backend)
						.query(Long.class)
						.single() == 0);
		}
		finally {
			child.destroyForcibly();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM zonegis.parcel WHERE code LIKE :p")
			.param("p", prefix + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM zonegis.parcel_history WHERE code LIKE :p")
			.param("p", prefix + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM zonegis.audit_log WHERE detail::text LIKE :p")
			.param("p", "%" + prefix + "%")
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * The backend of an import blocked on the audit log after writing its parcels, or 0.
	 */
	private long importWaitingOnTheAuditLog() {
		return this.jdbc.sql("""
				SELECT coalesce(max(pid), 0) FROM pg_stat_activity
				WHERE wait_event_type = 'Lock' AND query ILIKE '%audit_log%' AND pid <> pg_backend_pid()
				""").query(Long.class).single();
	}

	private Process startService(int port) throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				ZoneGisApplication.class.getName(), "--spring.datasource.url=" + this.databaseUrl,
				"--server.port=" + port, "--server.address=127.0.0.1")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

	private static boolean healthy(int port) {
		try {
			HttpResponse<Void> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
					.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
