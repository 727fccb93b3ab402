package cn.zonegis.events;

import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.zonegis.Problems.assertBadParameter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * GET /api/events is for logged-in users only, and a change event exists only if the
 * transaction of its change committed.
 */
class ChangeEventTests extends IntegrationTest {

	@Autowired
	private ChangeEvents changes;

	private final TransactionTemplate transactions;

	@Autowired
	ChangeEventTests(PlatformTransactionManager transactions) {
		this.transactions = new TransactionTemplate(transactions);
	}

	@Test
	void anAnonymousVisitorIsRefusedTheStream() {
		Http.Response response = anonymous().get("/api/events", Map.of("Accept", "text/event-stream"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void aLastEventIdThatIsNoNumberIsABadRequestNamingTheHeader() {
		Http.Response response = as("viewer").get("/api/events",
				Map.of("Accept", "text/event-stream", "Last-Event-ID", "1;DROP"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("header").asString()).isEqualTo("Last-Event-ID");
	}

	@Test
	void aLastEventIdParameterThatIsNoNumberIsABadRequestNamingTheParameter() {
		assertBadParameter(as("viewer").get("/api/events?lastEventId=-3", Map.of("Accept", "text/event-stream")),
				"lastEventId");
	}

	@Test
	void anEventIsWrittenOnlyWhenItsTransactionCommits() {
		long rolledBack = System.nanoTime();
		long committed = rolledBack + 1;
		this.transactions.executeWithoutResult((status) -> {
			this.changes.publish("test.changed", rolledBack, Map.of(), Audience.of(Role.PLANNER));
			status.setRollbackOnly();
		});
		this.transactions.executeWithoutResult(
				(status) -> this.changes.publish("test.changed", committed, Map.of(), Audience.of(Role.PLANNER)));
		assertThat(stored(rolledBack)).isZero();
		assertThat(stored(committed)).isOne();
	}

	@Test
	void anEventOutsideATransactionIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.changes.publish("test.changed", 1, Map.of(), Audience.of(Role.PLANNER)));
	}

	private long stored(long subjectId) {
		return this.jdbc
			.sql("SELECT count(*) FROM zonegis.change_event WHERE type = 'test.changed' AND subject_id = :id")
			.param("id", subjectId)
			.query(Long.class)
			.single();
	}

}
