package cn.zonegis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests that talk to the running service as a real client would.
 */
public final class Http {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final String authorization;

	public Http(int port, String user, String password) {
		this(port, (user == null) ? null : basic(user, password));
	}

	/** The value of an {@code Authorization} header that signs in with a password. */
	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private Http(int port, String authorization) {
		this.port = port;
		this.authorization = authorization;
	}

	/** A client that sends an API token as {@code Authorization: Bearer}. */
	public static Http bearer(int port, String token) {
		return new Http(port, "Bearer " + token);
	}

	public Response get(String path) {
		return send("GET", path, null, Map.of());
	}

	public Response get(String path, Map<String, String> headers) {
		return send("GET", path, null, headers);
	}

	public Response post(String path, String json) {
		return send("POST", path, json, Map.of("Content-Type", "application/json"));
	}

	public Response put(String path, String json, Map<String, String> headers) {
		return send("PUT", path, json, headers);
	}

	public Response delete(String path, Map<String, String> headers) {
		return send("DELETE", path, null, headers);
	}

	/**
	 * A GET whose body is kept as bytes (PDFs, spreadsheets, zips, vector tiles), with
	 * its headers.
	 */
	public HttpResponse<byte[]> bytes(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).GET();
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		headers.forEach(request::header);
		return exchange(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	public HttpResponse<byte[]> bytes(String path) {
		return bytes(path, Map.of());
	}

	public Download download(String path, Map<String, String> headers) {
		HttpResponse<byte[]> response = bytes(path, headers);
		return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	public Download download(String path) {
		return download(path, Map.of());
	}

	public Response send(String method, String path, String body, Map<String, String> headers) {
		return publish(method, path, (body == null) ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), headers);
	}

	/**
	 * Only the status of a request without a body: returns once the headers are in, so a
	 * stream that never ends (/api/events) answers too.
	 */
	public int status(String method, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		HttpResponse<InputStream> response = exchange(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		try (InputStream unread = response.body()) {
			return response.statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A POST of one file in the multipart part "file", as the map uploads it. */
	public Response upload(String path, String fileName, byte[] content) {
		return upload(path, fileName, content, Map.of());
	}

	public Response upload(String path, String fileName, byte[] content, Map<String, String> headers) {
		return upload(path, MultipartFile.of(fileName, content), headers);
	}

	public Response upload(String path, MultipartFile file) {
		return upload(path, file, Map.of());
	}

	private Response upload(String path, MultipartFile file, Map<String, String> headers) {
		Map<String, String> all = new HashMap<>(headers);
		all.put("Content-Type", file.contentType());
		return publish("POST", path, HttpRequest.BodyPublishers.ofByteArray(file.body()), all);
	}

	private Response publish(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, body);
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		headers.forEach(request::header);
		HttpResponse<String> response = exchange(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Response(response);
	}

	/**
	 * Sends on the tests' shared client; an exchange that fails or is interrupted fails
	 * the test, the interrupt kept.
	 */
	public static <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		return exchange(CLIENT, request, body);
	}

	/**
	 * As {@link #exchange(HttpRequest, HttpResponse.BodyHandler)}, on a client of its
	 * own.
	 */
	public static <T> HttpResponse<T> exchange(HttpClient client, HttpRequest request,
			HttpResponse.BodyHandler<T> body) {
		try {
			return client.send(request, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response with its body parsed on demand. */
	public record Response(HttpResponse<String> raw) implements Problems.Answer {

		@Override
		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		@Override
		public String text() {
			return body();
		}

		@Override
		public JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

		@Override
		public String contentType() {
			return this.raw.headers().firstValue("Content-Type").orElse("");
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

	}

	/** A response whose body stayed bytes. */
	public record Download(int status, String contentType, byte[] body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
