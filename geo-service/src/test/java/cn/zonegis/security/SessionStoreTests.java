package cn.zonegis.security;

import cn.zonegis.IntegrationTest;
import cn.zonegis.SessionClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session is read on every request but written only when something in it changed or its
 * stored last access is a minute old: a logged-in map costs no write per tile.
 */
class SessionStoreTests extends IntegrationTest {

	@Test
	void requestsWithinAMinuteDoNotRewriteTheSessionButAnOlderOneIsKeptAlive() {
		SessionClient planner = new SessionClient(this.port);
		assertThat(planner.login("planner", "planner2026").status()).isEqualTo(200);
		String session = plannerSession();
		long storedAtLogin = lastAccess(session);

		for (int i = 0; i < 3; i++) {
			assertThat(planner.get("/api/me").status()).isEqualTo(200);
		}
		assertThat(lastAccess(session)).as("not written for a touch within a minute").isEqualTo(storedAtLogin);

		long twoMinutesAgo = System.currentTimeMillis() - 120_000;
		this.jdbc.sql(
				"UPDATE zonegis.spring_session SET last_access_time = :at, expiry_time = :at + max_inactive_interval * 1000::bigint WHERE primary_id = :id")
			.param("at", twoMinutesAgo)
			.param("id", session)
			.update();
		assertThat(planner.get("/api/me").status()).isEqualTo(200);
		assertThat(lastAccess(session)).as("a minute-old access is written").isGreaterThan(twoMinutesAgo + 60_000);

		assertThat(planner.post("/api/logout", "").status()).isEqualTo(204);
		assertThat(planner.get("/api/me").status()).as("logout is written at once").isEqualTo(401);
	}

	private String plannerSession() {
		return this.jdbc.sql(
				"SELECT primary_id FROM zonegis.spring_session WHERE principal_name = 'planner' ORDER BY creation_time DESC LIMIT 1")
			.query(String.class)
			.single();
	}

	private long lastAccess(String session) {
		return this.jdbc.sql("SELECT last_access_time FROM zonegis.spring_session WHERE primary_id = :id")
			.param("id", session)
			.query(Long.class)
			.single();
	}

}
