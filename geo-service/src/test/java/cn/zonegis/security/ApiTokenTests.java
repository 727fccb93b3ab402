package cn.zonegis.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API tokens let QGIS, GDAL and scripts log in without the user's password, and can be
 * revoked.
 */
class ApiTokenTests extends IntegrationTest {

	@Test
	void aTokenWorksAsTheBasicPasswordAndAsABearerTokenWithTheOwnersRoles() {
		String token = create("viewer", "QGIS").get("token").asString();

		assertThat(new Http(this.port, "viewer", token).get("/api/me").json().get("username").asString())
			.isEqualTo("viewer");
		assertThat(bearer(token).get("/api/me").json().get("username").asString()).isEqualTo("viewer");
		assertThat(bearer(token).get("/ogc/collections/roads/items?limit=1").status()).isEqualTo(200);
		assertThat(bearer(token).post("/api/parcels", "{\"type\":\"Feature\"}").status()).isEqualTo(403);
	}

	@Test
	void onlyADigestIsStoredAndTheTokenIsShownOnce() throws Exception {
		JsonNode created = create("planner", "GDAL nightly");
		String token = created.get("token").asString();
		String digest = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));

		String stored = this.jdbc.sql("SELECT t::text FROM zonegis.api_token t WHERE id = :id")
			.param("id", created.get("id").asLong())
			.query(String.class)
			.single();
		assertThat(stored).contains(digest).doesNotContain(token);
		assertThat(as("planner").get("/api/tokens").body()).doesNotContain(token)
			.contains(created.get("prefix").asString());
	}

	@Test
	void aRevokedTokenNoLongerLogsInAndTheRevocationIsAudited() {
		JsonNode created = create("dispatcher", "old laptop");
		long id = created.get("id").asLong();
		Http client = bearer(created.get("token").asString());
		assertThat(client.get("/api/me").status()).isEqualTo(200);

		assertThat(as("dispatcher").delete("/api/tokens/" + id, Map.of()).status()).isEqualTo(204);

		assertThat(client.get("/api/me").status()).isEqualTo(401);
		assertThat(new Http(this.port, "dispatcher", created.get("token").asString()).get("/api/me").status())
			.isEqualTo(401);
		assertThat(this.jdbc.sql("""
				SELECT action FROM zonegis.audit_log WHERE entity = 'api_token' AND entity_id = :id ORDER BY id
				""").param("id", Long.toString(id)).query(String.class).list()).containsExactly("create", "revoke");
	}

	@Nested
	class EachUserTheirOwn {

		@Test
		void aUserListsOnlyTheirOwnTokensAndAnAdminListsAll() {
			long viewers = create("viewer", "mine").get("id").asLong();
			long crews = create("crew", "theirs").get("id").asLong();

			assertThat(as("viewer").get("/api/tokens").json().findValues("username"))
				.allMatch((u) -> u.asString().equals("viewer"));
			assertThat(as("viewer").get("/api/tokens").json().findValues("id")).noneMatch((i) -> i.asLong() == crews);
			assertThat(as("admin").get("/api/tokens").json().findValues("id").stream().map(JsonNode::asLong))
				.contains(viewers, crews);
		}

		@Test
		void anotherUsersTokenCannotBeRevokedButAnAdminMayRevokeAny() {
			JsonNode crews = create("crew", "phone");
			long id = crews.get("id").asLong();

			assertThat(as("viewer").delete("/api/tokens/" + id, Map.of()).status()).isEqualTo(404);
			assertThat(bearer(crews.get("token").asString()).get("/api/me").status()).isEqualTo(200);
			assertThat(as("admin").delete("/api/tokens/" + id, Map.of()).status()).isEqualTo(204);
			assertThat(bearer(crews.get("token").asString()).get("/api/me").status()).isEqualTo(401);
		}

		@Test
		void aTokenLogsInOnlyAsItsOwner() {
			String token = create("viewer", "only mine").get("token").asString();
			assertThat(new Http(ApiTokenTests.this.port, "admin", token).get("/api/me").status()).isEqualTo(401);
		}

	}

	@Nested
	class Refused {

		@Test
		void anUnknownBearerTokenIsAnAuthenticationProblem() {
			Http.Response response = bearer("zgt_thisTokenWasNeverIssued").get("/api/me");
			assertProblem(response, 401);
			assertThat(bearer("not-even-a-token").get("/api/parcels?bbox=122.03,37.17,122.06,37.20").status())
				.isEqualTo(401);
		}

		@Test
		void aTokenWithoutANameIsRefusedNamingTheField() {
			long before = rowCount("api_token");
			Http.Response response = as("viewer").post("/api/tokens", "{\"name\":\"  \"}");
			assertProblem(response, 400);
			assertThat(response.json().get("field").asString()).isEqualTo("name");
			assertThat(rowCount("api_token")).isEqualTo(before);
		}

		@Test
		void aNameWithBlanksAroundItIsRefusedRatherThanTrimmed() {
			long before = rowCount("api_token");
			Http.Response response = as("viewer").post("/api/tokens", "{\"name\":\" laptop \"}");
			assertProblem(response, 400, "invalid-token-name");
			assertThat(response.json().get("property").asString()).isEqualTo("name");
			assertThat(rowCount("api_token")).isEqualTo(before);
		}

		@Test
		void nobodyWithoutALoginMakesAToken() {
			assertThat(anonymous().post("/api/tokens", "{\"name\":\"x\"}").status()).isIn(401, 403);
		}

	}

	private JsonNode create(String user, String name) {
		Http.Response response = as(user).post("/api/tokens", "{\"name\":\"" + name + "\"}");
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("token").asString()).startsWith("zgt_");
		return response.json();
	}

	private Http bearer(String token) {
		return Http.bearer(this.port, token);
	}

}
