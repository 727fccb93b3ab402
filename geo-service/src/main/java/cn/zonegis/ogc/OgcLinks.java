package cn.zonegis.ogc;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute links of one request's resources, with rel, type and title as OGC API
 * requires.
 */
final class OgcLinks {

	private final String base;

	private final JsonMapper json;

	private final ArrayNode links;

	OgcLinks(HttpServletRequest request, JsonMapper json) {
		this.base = ServletUriComponentsBuilder.fromContextPath(request).path("/ogc").build().toUriString();
		this.json = json;
		this.links = json.createArrayNode();
	}

	/** The absolute URL of a path below /ogc. */
	String url(String path) {
		return this.base + path;
	}

	/**
	 * The absolute URL of a path below /ogc with query parameters (already decoded
	 * values).
	 */
	String url(String path, Map<String, String> query) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(this.base + path);
		query.forEach((name, value) -> builder.queryParam(name, "{" + name + "}"));
		return builder.encode().buildAndExpand(query).toUriString();
	}

	/** Adds a link. */
	OgcLinks add(String href, String rel, MediaType type, String title) {
		ObjectNode link = this.json.createObjectNode().put("href", href).put("rel", rel);
		if (type != null) {
			link.put("type", type.toString());
		}
		link.put("title", title);
		this.links.add(link);
		return this;
	}

	/** Adds links another package publishes under /ogc. */
	OgcLinks addAll(List<OgcExtension.Link> extensionLinks) {
		extensionLinks
			.forEach((link) -> add(url(link.path()), link.rel(), MediaType.parseMediaType(link.type()), link.title()));
		return this;
	}

	/**
	 * Adds self in the format served and alternate in the other, for a resource below
	 * /ogc.
	 */
	OgcLinks selfAndAlternate(String path, OgcFormat served, MediaType jsonType, String title) {
		boolean html = served == OgcFormat.HTML;
		add(url(path, Map.of("f", html ? "html" : "json")), "self", html ? MediaType.TEXT_HTML : jsonType, title);
		add(url(path, Map.of("f", html ? "json" : "html")), "alternate", html ? jsonType : MediaType.TEXT_HTML, title);
		return this;
	}

	ArrayNode array() {
		return this.links;
	}

}
