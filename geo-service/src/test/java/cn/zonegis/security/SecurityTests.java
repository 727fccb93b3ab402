package cn.zonegis.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Test;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads need a login, writes need a role, and the map's login speaks JSON. */
class SecurityTests extends IntegrationTest {

	@Test
	void anAnonymousReadIsRefusedWithABasicChallenge() {
		Http.Response response = anonymous().get("/api/parcels");
		assertProblem(response, 401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
	}

	@Test
	void theMapIsNotChallengedSoItCanShowItsOwnLoginPage() {
		Http.Response response = anonymous().get("/api/me", Map.of("X-Requested-With", "XMLHttpRequest"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isNull();
	}

	@Test
	void anUnauthenticatedWriteIsAskedToLogInAndStoresNothing() {
		long before = rowCount("parcel");
		Map<String, String> geoJson = Map.of("Content-Type", "application/geo+json");
		String[][] writes = { { "POST", "/api/parcels" }, { "PUT", "/api/parcels/1" }, { "PATCH", "/api/parcels/1" },
				{ "DELETE", "/api/parcels/1" }, { "POST", "/ogc/collections/streetlights/items" },
				{ "PUT", "/ogc/collections/streetlights/items/1" },
				{ "PATCH", "/ogc/collections/streetlights/items/1" },
				{ "DELETE", "/ogc/collections/streetlights/items/1" } };
		for (String[] write : writes) {
			Http.Response response = anonymous().send(write[0], write[1], "{}", geoJson);
			assertProblem(response, 401);
			assertThat(response.header("WWW-Authenticate")).as(write[0] + " " + write[1]).startsWith("Basic");
		}
		assertThat(rowCount("parcel")).isEqualTo(before);
	}

	@Test
	void aLoggedInSessionWritingWithoutItsCsrfTokenIsForbidden() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		String base = "http://localhost:" + this.port;
		browser.send(HttpRequest.newBuilder(URI.create(base + "/api/config")).build(), BodyHandlers.ofString());
		assertThat(browser.send(form(base, xsrfToken(cookies)), BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/parcels"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), BodyHandlers.ofString());
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	@Test
	void aViewerMayNotWrite() {
		Http.Response response = as("viewer").post("/api/parcels", "{\"type\":\"Feature\"}");
		assertProblem(response, 403);
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
		assertThat(response.json().get("timeZone").asString()).isEqualTo("Asia/Shanghai");
	}

	@Test
	void theMapLogsInWithItsCsrfTokenAndGetsANewTokenBack() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		String base = "http://localhost:" + this.port;
		browser.send(HttpRequest.newBuilder(URI.create(base + "/api/config")).build(), BodyHandlers.ofString());
		String token = xsrfToken(cookies);

		HttpResponse<String> withoutToken = browser.send(form(base, null), BodyHandlers.ofString());
		HttpResponse<String> login = browser.send(form(base, token), BodyHandlers.ofString());

		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("\"displayName\":\"规划员\"");
		assertThat(xsrfToken(cookies)).isNotBlank().isNotEqualTo(token);
		HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).build(),
				BodyHandlers.ofString());
		assertThat(me.statusCode()).isEqualTo(200);
	}

	private static HttpRequest form(String base, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Requested-With", "XMLHttpRequest")
			.POST(HttpRequest.BodyPublishers.ofString("username=planner&password=planner2026"));
		if (token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
		return request.build();
	}

	private static String xsrfToken(CookieManager cookies) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> "XSRF-TOKEN".equals(c.getName()))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse("");
	}

	@Test
	void healthIsPublic() {
		assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
	}

}
