package cn.zonegis.ogc;

import java.util.Map;
import java.util.Set;

import cn.zonegis.ApiProblem;

/**
 * The query parameters a resource accepts: any other is a 400 naming it (Part 1,
 * /req/core/query-param-unknown), never ignored.
 */
final class QueryParameters {

	/** The landing page, conformance, API definition, collections and queryables. */
	static final Set<String> FORMAT_ONLY = Set.of("f");

	/** A single item, which can also be read in another CRS (Part 2). */
	static final Set<String> ONE_ITEM = Set.of("f", "crs");

	private QueryParameters() {
	}

	static void acceptOnly(Map<String, String[]> parameters, Set<String> accepted) {
		for (String name : parameters.keySet()) {
			if (!accepted.contains(name)) {
				throw unknown(name);
			}
		}
	}

	static ApiProblem unknown(String name) {
		return ApiProblem.badRequest("unknown-parameter", "problem.parameter.unknown", name).with("parameter", name);
	}

}
