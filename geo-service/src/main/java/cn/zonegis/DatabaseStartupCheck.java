package cn.zonegis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Before anything else starts, checks that the configured database answers and has
 * PostGIS, so a misconfigured start ends with one line saying which, instead of the
 * connection pool's and Flyway's stack traces. Registered in META-INF/spring.factories:
 * it runs before the context exists.
 */
public class DatabaseStartupCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final String POSTGIS_STATE = """
			SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'postgis') AS installed,
				EXISTS (SELECT FROM pg_available_extensions WHERE name = 'postgis') AS available,
				(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser
			""";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Environment environment = event.getEnvironment();
		String url = environment.getProperty("spring.datasource.url");
		if (url == null || !url.startsWith("jdbc:postgresql:")) {
			return;
		}
		Properties login = new Properties();
		login.setProperty("user", environment.getProperty("spring.datasource.username", ""));
		login.setProperty("password", environment.getProperty("spring.datasource.password", ""));
		login.setProperty("connectTimeout", "5");
		try (Connection connection = DriverManager.getConnection(url, login)) {
			checkPostgis(connection, url);
		}
		catch (SQLException ex) {
			throw new Failed("ZoneGIS cannot start: the database " + url + " cannot be reached (" + oneLine(ex)
					+ "). Start PostgreSQL (scripts/db.sh start) or set ZONEGIS_DB_URL, ZONEGIS_DB_USER and ZONEGIS_DB_PASSWORD.");
		}
	}

	private static void checkPostgis(Connection connection, String url) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet state = statement.executeQuery(POSTGIS_STATE)) {
			state.next();
			if (state.getBoolean("installed")) {
				return;
			}
			if (!state.getBoolean("available")) {
				throw new Failed("ZoneGIS cannot start: the PostgreSQL server of " + url
						+ " has no PostGIS. Install PostGIS 3 on it (Debian: apt-get install postgresql-<version>-postgis-3).");
			}
			if (!state.getBoolean("superuser")) {
				throw new Failed("ZoneGIS cannot start: the database " + url
						+ " lacks the PostGIS extension. Run CREATE EXTENSION postgis in it as a superuser (scripts/db.sh createdb does).");
			}
		}
	}

	private static String oneLine(SQLException ex) {
		String message = (ex.getMessage() == null) ? ex.getClass().getSimpleName() : ex.getMessage();
		return message.replaceAll("\\s+", " ").trim();
	}

	/** A start that cannot go on, with the one line that says why. */
	static final class Failed extends RuntimeException {

		Failed(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * Logs a {@link Failed} start as its one line. It runs before Spring Boot's failure
	 * analysis, which would print the whole exception chain.
	 */
	@Order(Ordered.HIGHEST_PRECEDENCE)
	public static final class Reporter implements SpringBootExceptionReporter {

		private static final Logger log = LoggerFactory.getLogger(DatabaseStartupCheck.class);

		@Override
		public boolean reportException(Throwable failure) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof Failed) {
					log.error(cause.getMessage());
					return true;
				}
			}
			return false;
		}

	}

}
