package cn.zonegis.ogc;

import java.util.Map;
import java.util.Set;

import cn.zonegis.ApiProblem;

/**
 * The query parameters a resource accepts: any other is a 400 naming it (Part 1,
 * /req/core/query-param-unknown), never ignored.
 */
public final class QueryParameters {

	/** The landing page, conformance, API definition, collections and queryables. */
	static final Set<String> FORMAT_ONLY = Set.of("f");

	/** A single item, which can also be read in another CRS (Part 2). */
	static final Set<String> ONE_ITEM = Set.of("f", "crs");

	private QueryParameters() {
	}

	public static void acceptOnly(Map<String, String[]> parameters, Set<String> accepted) {
		for (String name : parameters.keySet()) {
			if (!accepted.contains(name)) {
				throw unknown(name);
			}
		}
	}

	/**
	 * A resource that has only a JSON encoding: f may ask for json, any other value is a
	 * 400 rather than a JSON answer to a request for HTML.
	 */
	public static void acceptOnlyJson(Map<String, String[]> parameters) {
		acceptOnly(parameters, FORMAT_ONLY);
		String f = ItemsRequest.single(parameters, "f");
		if (f != null && !"json".equals(f)) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.format.jsonOnly", f).with("parameter", "f");
		}
	}

	static ApiProblem unknown(String name) {
		return ApiProblem.badRequest("unknown-parameter", "problem.parameter.unknown", name).with("parameter", name);
	}

}
