package cn.zonegis.ogc;

import java.util.Comparator;
import java.util.List;

import cn.zonegis.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;

/** The two encodings every OGC resource has: JSON (GeoJSON for features) and HTML. */
enum OgcFormat {

	JSON, HTML;

	static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

	static final MediaType OPENAPI_JSON = MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0");

	/**
	 * The {@code f} parameter wins; otherwise the most preferred of JSON and HTML in
	 * Accept; JSON by default.
	 */
	static OgcFormat of(HttpServletRequest request) {
		String f = request.getParameter("f");
		if (f != null) {
			return switch (f) {
				case "json", "geojson" -> JSON;
				case "html" -> HTML;
				default -> throw ApiProblem.badRequest("invalid-parameter", "problem.format.unknown", f)
					.with("parameter", "f");
			};
		}
		String accept = request.getHeader("Accept");
		if (accept == null || accept.isBlank()) {
			return JSON;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		}
		catch (IllegalArgumentException ex) {
			return JSON;
		}
		accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : accepted) {
			if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
				return HTML;
			}
			if (type.getSubtype().endsWith("json")) {
				return JSON;
			}
		}
		return JSON;
	}

}
