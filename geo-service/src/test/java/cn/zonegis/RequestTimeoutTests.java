package cn.zonegis;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/**
 * zonegis.db.request-timeout: the database work of one request is cut off when the
 * request has used up its time, even though no single statement reached the statement
 * timeout (issue 9, limits).
 */
@TestPropertySource(properties = { "zonegis.db.request-timeout=2s", "zonegis.db.statement-timeout=30s" })
class RequestTimeoutTests extends DatabaseLimitsCheck {

	@Test
	void aReadPastTheRequestTimeIsCancelledWith504() throws Exception {
		readStuckBehindALock("request-timeout", Duration.ofSeconds(6));
	}

	@Test
	void aWritePastTheRequestTimeStoresNothing() throws Exception {
		writeStuckBehindALock("request-timeout", Duration.ofSeconds(6));
	}

}
