package cn.zonegis.security;

import cn.zonegis.IntegrationTest;
import cn.zonegis.SessionClient;
import cn.zonegis.ZoneGisApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database, as behind a load balancer: a session
 * lives in PostgreSQL, so whichever instance a request lands on knows who sent it.
 */
class SharedSessionTests extends IntegrationTest {

	@Test
	void aSessionMadeOnOneInstanceWorksOnTheOtherAndEndsOnBoth() {
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(ZoneGisApplication.class)
			.profiles("test")
			.run("--server.port=0")) {
			int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
			SessionClient onFirst = new SessionClient(this.port);
			assertThat(onFirst.login("planner", "planner2026").status()).isEqualTo(200);
			SessionClient onSecond = onFirst.at(secondPort);

			assertThat(onSecond.get("/api/me").json().get("username").asString()).isEqualTo("planner");
			assertThat(onSecond.post("/api/logout", "").status()).as("a write, CSRF token and all").isEqualTo(204);

			assertThat(onFirst.get("/api/me").status()).as("logged out on both").isEqualTo(401);
		}
	}

}
