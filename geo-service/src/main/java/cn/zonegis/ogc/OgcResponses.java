package cn.zonegis.ogc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** One OGC resource in the format the client chose. */
final class OgcResponses {

	static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html;charset=UTF-8");

	private OgcResponses() {
	}

	static ResponseEntity<byte[]> of(OgcFormat format, MediaType jsonType, String title, JsonNode body,
			JsonMapper json) {
		return ResponseEntity.ok().contentType(type(format, jsonType)).body(bytes(format, title, body, json));
	}

	static MediaType type(OgcFormat format, MediaType jsonType) {
		return (format == OgcFormat.HTML) ? HTML_UTF8 : jsonType;
	}

	static byte[] bytes(OgcFormat format, String title, JsonNode body, JsonMapper json) {
		return (format == OgcFormat.HTML) ? OgcHtml.page(title, body) : json.writeValueAsBytes(body);
	}

}
