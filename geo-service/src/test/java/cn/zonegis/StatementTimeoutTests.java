package cn.zonegis;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * zonegis.db.statement-timeout: a query that runs longer is cancelled and answered 504
 * (issue 9, limits).
 */
@TestPropertySource(properties = "zonegis.db.statement-timeout=1s")
class StatementTimeoutTests extends DatabaseLimitsCheck {

	@Test
	void aQueryPastTheStatementTimeoutIsCancelledWith504() throws Exception {
		readStuckBehindALock("query-timeout", Duration.ofSeconds(5));
	}

	@Test
	void aWriteCancelledByTheStatementTimeoutStoresNothing() throws Exception {
		writeStuckBehindALock("query-timeout", Duration.ofSeconds(5));
	}

	@Test
	void theTimeoutIsSetOnTheServiceConnections() {
		assertThat(this.jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("1s");
	}

}
