package cn.zonegis;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance with a replica reads tiles, items pages and search there, and everything
 * else from the primary. The "replica" here is the test database itself, reached under
 * another application name, so that pg_stat_activity shows which pool served a request;
 * its pool is read-only, so a write sent to it would fail.
 */
class ReplicaReadsTests extends IntegrationTest {

	private static final String REPLICA = "zonegis-replica-test";

	@Value("${spring.datasource.url}")
	String databaseUrl;

	@Test
	void lagTolerantReadsUseTheReplicaAndWritesAndOwnReadsThePrimary() {
		String replicaUrl = this.databaseUrl + (this.databaseUrl.contains("?") ? "&" : "?") + "ApplicationName="
				+ REPLICA;
		try (ConfigurableApplicationContext withReplica = new SpringApplicationBuilder(ZoneGisApplication.class)
			.profiles("test")
			.run("--server.port=0", "--zonegis.db.replica-url=" + replicaUrl)) {
			int port = ((WebServerApplicationContext) withReplica).getWebServer().getPort();
			Http planner = new Http(port, "planner", "planner2026");

			assertThat(planner.get("/api/me").status()).isEqualTo(200);
			assertThat(planner.get("/api/parcels?bbox=122.03,37.17,122.06,37.20").status()).isEqualTo(200);
			assertThat(replicaConnections()).as("no lag-tolerant read yet").isZero();

			assertThat(planner.get("/api/search?q=A").status()).isEqualTo(200);
			assertThat(planner.get("/ogc/collections/parcels/items?limit=5").status()).isEqualTo(200);
			assertThat(planner.get("/tiles/parcels/14/13746/6366.mvt").status()).isIn(200, 204);
			assertThat(replicaConnections()).as("the replica's pool served them").isPositive();

			SessionClient browser = new SessionClient(port);
			assertThat(browser.login("viewer", "viewer2026").status()).isEqualTo(200);
			assertThat(browser.get("/tiles/parcels/14/13746/6366.mvt").status())
				.as("the session is saved on the primary, even from a lag-tolerant request")
				.isIn(200, 204);
			assertThat(browser.get("/ogc/collections/parcels/items?limit=5").status()).isEqualTo(200);
			assertThat(browser.get("/api/me").status()).isEqualTo(200);

			Http.Response created = planner.post("/api/workorders",
					"""
							{"kind":"road_repair","priority":"normal","description":"TEST-REPLICA write","location":{"lon":122.05,"lat":37.19}}
							""");
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			assertThat(workOrderRowsDescribed("TEST-REPLICA write")).isPositive();
			this.jdbc.sql("DELETE FROM zonegis.work_order WHERE description = 'TEST-REPLICA write'").update();
		}
	}

	private long replicaConnections() {
		return this.jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name")
			.param("name", REPLICA)
			.query(Long.class)
			.single();
	}

}
