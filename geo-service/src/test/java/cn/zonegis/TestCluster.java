package cn.zonegis;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL cluster under the test database, for tests that stop and start it with
 * scripts/db.sh. Only a cluster named explicitly by ZONEGIS_PGDATA and ZONEGIS_DB_PORT
 * (as scripts/test.sh passes them), on the test database's own port, is ever touched: a
 * shared cluster someone else is using is never stopped by accident.
 */
public final class TestCluster {

	private final Path root;

	private final String port;

	private final String pgdata;

	private final String databaseUrl;

	private TestCluster(Path root, String port, String pgdata, String databaseUrl) {
		this.root = root;
		this.port = port;
		this.pgdata = pgdata;
		this.databaseUrl = databaseUrl;
	}

	/**
	 * The cluster of this JDBC URL if the environment names it, else empty (the caller
	 * skips).
	 */
	public static Optional<TestCluster> of(String jdbcUrl) {
		String port = setting("ZONEGIS_DB_PORT");
		String pgdata = setting("ZONEGIS_PGDATA");
		if (port == null || pgdata == null) {
			return Optional.empty();
		}
		int urlPort = URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
		if (urlPort != Integer.parseInt(port)) {
			throw new IllegalStateException(
					"ZONEGIS_DB_PORT " + port + " is not the test database's port in " + jdbcUrl);
		}
		return Optional.of(new TestCluster(repositoryRoot(), port, pgdata, jdbcUrl));
	}

	/** Why the cluster tests skip when the environment does not name the cluster. */
	public static final String SKIP_REASON = "set ZONEGIS_DB_PORT and ZONEGIS_PGDATA (scripts/test.sh does) "
			+ "to let the tests stop and start the test cluster";

	public void stop() {
		dbScript("stop");
	}

	public void start() {
		dbScript("start");
	}

	/**
	 * A superuser connection (db.sh clusters trust local logins) to a database of this
	 * cluster.
	 */
	public Connection admin(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.port + "/" + database, "postgres", "");
	}

	/**
	 * A connection of the service's own user to the test database, outside the service's
	 * pool.
	 */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.databaseUrl, "zonegis", "zonegis");
	}

	private void dbScript(String command) {
		ProcessBuilder process = new ProcessBuilder(this.root.resolve("scripts/db.sh").toString(), command)
			.redirectErrorStream(true);
		process.environment().put("ZONEGIS_DB_PORT", this.port);
		process.environment().put("ZONEGIS_PGDATA", this.pgdata);
		try {
			Process running = process.start();
			String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!running.waitFor(2, TimeUnit.MINUTES) || running.exitValue() != 0) {
				running.destroyForcibly();
				throw new IllegalStateException("scripts/db.sh " + command + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String setting(String name) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? System.getProperty(name) : value;
	}

	private static Path repositoryRoot() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isExecutable(dir.resolve("scripts/db.sh"))) {
				return dir;
			}
		}
		throw new IllegalStateException("no scripts/db.sh above " + Path.of("").toAbsolutePath());
	}

}
