package cn.zonegis.io;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import cn.zonegis.Http;
import cn.zonegis.MultipartFile;
import cn.zonegis.Problems;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Uploads and downloads files as a GIS client would: multipart POST in, bytes out. */
final class FileClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final String authorization;

	FileClient(int port, String user) {
		this.port = port;
		this.authorization = Http.basic(user, user + "2026");
	}

	Result upload(String query, String fileName, byte[] content) {
		MultipartFile file = MultipartFile.of(fileName, content);
		return send(HttpRequest.newBuilder(uri("/api/parcels/import?" + query))
			.header("Content-Type", file.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(file.body())));
	}

	Result download(String query) {
		return send(HttpRequest.newBuilder(uri("/api/parcels/export?" + query)).GET());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private Result send(HttpRequest.Builder request) {
		HttpResponse<byte[]> response = Http.exchange(request.header("Authorization", this.authorization).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		return new Result(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	record Result(int status, String contentType, byte[] body) implements Problems.Answer {

		@Override
		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		@Override
		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
