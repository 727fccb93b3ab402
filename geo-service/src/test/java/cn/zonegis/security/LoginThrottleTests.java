package cn.zonegis.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins are limited per user name and per address; past the limit the answer is
 * 429 with Retry-After, and nobody else is kept out. Each test uses its own user names or
 * its own loopback address, as the counters of this context live as long as it does:
 * 127.0.0.1, shared by the tests, stays under its limit.
 */
@TestPropertySource(properties = { "zonegis.security.login-failures.per-user=3",
		"zonegis.security.login-failures.per-address=10", "zonegis.security.login-failures.window=5m" })
class LoginThrottleTests extends IntegrationTest {

	@Test
	void aUserPastTheLimitIsRefusedEvenWithTheRightPasswordWhileOthersLogIn() {
		for (int i = 0; i < 3; i++) {
			assertThat(new Http(this.port, "planner", "guess" + i).get("/api/me").status()).isEqualTo(401);
		}

		Http.Response blocked = as("planner").get("/api/me");

		assertProblem(blocked, 429, "too-many-failed-logins");
		assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(1, 300);
		assertThat(as("dispatcher").get("/api/me").status()).isEqualTo(200);
	}

	@Test
	void theMapsFormLoginIsLimitedToo() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(formLogin("crew", "guess" + i)).isEqualTo(401);
		}
		assertThat(formLogin("crew", "crew2026")).isEqualTo(429);
	}

	@Test
	void anAddressPastTheLimitIsRefusedWhileOtherAddressesLogIn() throws IOException {
		String otherAddress = "127.0.0.2";
		for (int i = 0; i < 10; i++) {
			assertThat(statusFrom(otherAddress, "nobody" + i, "guess")).isEqualTo(401);
		}

		assertThat(statusFrom(otherAddress, "viewer", "viewer2026")).isEqualTo(429);
		assertThat(statusFrom("127.0.0.3", "viewer", "viewer2026")).isEqualTo(200);
		assertThat(as("viewer").get("/api/me").status()).isEqualTo(200);
	}

	@Test
	void wrongBearerTokensCountAgainstTheAddress() throws IOException {
		String address = "127.0.0.4";
		for (int i = 0; i < 10; i++) {
			assertThat(statusFrom(address, "Bearer zgt_wrong" + i)).isEqualTo(401);
		}
		assertThat(statusFrom(address, Http.basic("viewer", "viewer2026"))).isEqualTo(429);
	}

	/** The map's login: the CSRF token from its cookie, then the form post. */
	private int formLogin(String user, String password) throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		String base = "http://localhost:" + this.port;
		browser.send(HttpRequest.newBuilder(URI.create(base + "/api/config")).build(), BodyHandlers.discarding());
		String token = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> "XSRF-TOKEN".equals(c.getName()))
			.findFirst()
			.orElseThrow()
			.getValue();
		HttpRequest login = HttpRequest.newBuilder(URI.create(base + "/api/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Requested-With", "XMLHttpRequest")
			.header("X-XSRF-TOKEN", token)
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
			.build();
		return browser.send(login, BodyHandlers.discarding()).statusCode();
	}

	private int statusFrom(String address, String user, String password) throws IOException {
		return statusFrom(address, Http.basic(user, password));
	}

	/**
	 * One GET /api/me from another loopback address, which Java's HTTP client cannot
	 * choose.
	 */
	private int statusFrom(String address, String authorization) throws IOException {
		try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), this.port, InetAddress.getByName(address),
				0)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET /api/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
					+ "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
			return Integer.parseInt(statusLine.substring(9, 12));
		}
	}

}
