package cn.zonegis.security;

import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads need a login, writes need a role, and the map's login speaks JSON. */
class SecurityTests extends IntegrationTest {

	@Test
	void anAnonymousReadIsRefusedWithABasicChallenge() {
		Http.Response response = anonymous().get("/api/parcels");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
	}

	@Test
	void theMapIsNotChallengedSoItCanShowItsOwnLoginPage() {
		Http.Response response = anonymous().get("/api/me", Map.of("X-Requested-With", "XMLHttpRequest"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isNull();
	}

	@Test
	void anUnauthenticatedWriteIsRefusedAndStoresNothing() {
		long before = this.jdbc.sql("SELECT count(*) FROM zonegis.parcel").query(Long.class).single();
		Http.Response response = anonymous().post("/api/parcels", "{\"type\":\"Feature\"}");
		assertThat(response.status()).isIn(401, 403);
		assertThat(this.jdbc.sql("SELECT count(*) FROM zonegis.parcel").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aViewerMayNotWrite() {
		Http.Response response = as("viewer").post("/api/parcels", "{\"type\":\"Feature\"}");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void aWrongPasswordIsRefused() {
		assertThat(new Http(this.port, "planner", "wrong").get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void meTellsTheMapWhoIsLoggedInAndTheirCrew() {
		Http.Response response = as("crew").get("/api/me");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("roles").get(0).asString()).isEqualTo("CREW");
		assertThat(response.json().get("crewId").isNumber()).isTrue();
	}

	@Test
	void theMapConfigurationIsPublicAndNamesTheMeasuringCrs() {
		Http.Response response = anonymous().get("/api/config");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("measureSrid").asInt()).isEqualTo(4550);
		assertThat(response.json().get("measureProj4").asString()).contains("+lon_0=123");
	}

	@Test
	void healthIsPublic() {
		assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
	}

}
