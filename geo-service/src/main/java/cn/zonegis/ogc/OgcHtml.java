package cn.zonegis.ogc;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML encoding of every OGC resource: its JSON drawn as nested tables, links as
 * anchors, all data escaped. Meant for a person poking at the API in a browser, not for
 * the map.
 */
final class OgcHtml {

	private OgcHtml() {
	}

	static byte[] page(String title, JsonNode resource) {
		StringBuilder html = new StringBuilder(4096);
		html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
			.append(escape(title))
			.append("</title><style>table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;")
			.append("text-align:left;vertical-align:top}</style></head><body><h1>")
			.append(escape(title))
			.append("</h1>");
		render(resource, html);
		html.append("</body></html>\n");
		return html.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void render(JsonNode node, StringBuilder html) {
		if (node.isObject() && node.has("href") && node.get("href").isString()) {
			link(node, html);
		}
		else if (node.isObject()) {
			html.append("<table>");
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				html.append("<tr><th>").append(escape(member.getKey())).append("</th><td>");
				render(member.getValue(), html);
				html.append("</td></tr>");
			}
			html.append("</table>");
		}
		else if (node.isArray()) {
			html.append("<ol>");
			node.forEach((item) -> {
				html.append("<li>");
				render(item, html);
				html.append("</li>");
			});
			html.append("</ol>");
		}
		else if (!node.isNull()) {
			html.append(escape(node.asString()));
		}
	}

	/**
	 * Only http(s) and same-site links become anchors: a stored value can never smuggle a
	 * script URL.
	 */
	private static void link(JsonNode link, StringBuilder html) {
		String href = link.get("href").asString();
		String text = link.hasNonNull("title") ? link.get("title").asString() : href;
		String rel = link.hasNonNull("rel") ? " (" + link.get("rel").asString() + ")" : "";
		if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("/")) {
			html.append("<a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a>");
		}
		else {
			html.append(escape(text));
		}
		html.append(escape(rel));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
