package cn.zonegis;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds a table lock on a connection of its own so a request's query waits on it, then
 * checks the request is cut off in time with a 504 that names the limit, and leaves
 * nothing behind.
 */
abstract class DatabaseLimitsCheck extends IntegrationTest {

	static final String TEST = "TEST-LIMITS-";

	@Autowired
	DataSource dataSource;

	/**
	 * A parcel read waits for the parcel table: answered 504 of this type within the
	 * bound.
	 */
	void readStuckBehindALock(String type, Duration within) throws Exception {
		long parcel = this.jdbc.sql("SELECT min(id) FROM zonegis.parcel").query(Long.class).single();
		Http.Response response;
		Instant sent;
		try (Connection blocker = this.dataSource.getConnection(); Statement lock = blocker.createStatement()) {
			blocker.setAutoCommit(false);
			lock.execute("LOCK TABLE zonegis.parcel IN ACCESS EXCLUSIVE MODE");
			sent = Instant.now();
			response = as("viewer").get("/api/parcels/" + parcel);
			blocker.rollback();
		}
		assertThat(Duration.between(sent, Instant.now())).isLessThan(within);
		assertProblem(response, 504, type);
	}

	/**
	 * A work order's audit entry waits for the audit table: 504, and neither the order
	 * nor its event is stored.
	 */
	void writeStuckBehindALock(String type, Duration within) throws Exception {
		String description = TEST + System.nanoTime();
		Http.Response response;
		Instant sent;
		try (Connection blocker = this.dataSource.getConnection(); Statement lock = blocker.createStatement()) {
			blocker.setAutoCommit(false);
			lock.execute("LOCK TABLE zonegis.audit_log IN EXCLUSIVE MODE");
			sent = Instant.now();
			response = as("dispatcher").post("/api/workorders", """
					{"kind":"road_repair","description":"%s","location":{"lon":122.05,"lat":37.19}}
					""".formatted(description));
			blocker.rollback();
		}
		assertThat(Duration.between(sent, Instant.now())).isLessThan(within);
		assertProblem(response, 504, type);
		assertThat(workOrderRowsDescribed(description)).isZero();
	}

}
