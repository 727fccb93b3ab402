package cn.zonegis;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A client that logs in as the web map does: a form post with the CSRF token, then the
 * session cookie on every call and the token on every write.
 */
public final class SessionClient {

	private final CookieManager cookies;

	private final HttpClient client;

	private final String base;

	public SessionClient(int port) {
		this(new CookieManager(), port);
	}

	private SessionClient(CookieManager cookies, int port) {
		this.cookies = cookies;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
		this.base = "http://localhost:" + port;
	}

	/**
	 * The same browser, with the same cookies, talking to another instance of the service
	 * (as a load balancer may send it).
	 */
	public SessionClient at(int port) {
		return new SessionClient(this.cookies, port);
	}

	/** Posts the login form (fetching the CSRF cookie first if there is none yet). */
	public Http.Response login(String user, String password) {
		if (xsrfToken() == null) {
			send(HttpRequest.newBuilder(uri("/api/config")).GET());
		}
		return send(HttpRequest.newBuilder(uri("/api/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
	}

	public Http.Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	public Http.Response post(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	/**
	 * A multipart upload of one file in the part named "file", as the import dialog sends
	 * it.
	 */
	public Http.Response upload(String path, String fileName, byte[] content) {
		MultipartFile file = MultipartFile.of(fileName, content);
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", file.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(file.body())));
	}

	private Http.Response send(HttpRequest.Builder request) {
		request.header("X-Requested-With", "XMLHttpRequest");
		String token = xsrfToken();
		if (token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
		return new Http.Response(Http.exchange(this.client, request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
	}

	private String xsrfToken() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> "XSRF-TOKEN".equals(cookie.getName()))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

}
