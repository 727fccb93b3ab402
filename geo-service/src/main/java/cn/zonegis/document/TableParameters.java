package cn.zonegis.document;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

import cn.zonegis.ApiProblem;

/**
 * Reads the query parameters of a table download the way Spring binds them for the JSON
 * list: a missing one is null, a malformed one a 400 naming it.
 */
public final class TableParameters {

	private TableParameters() {
	}

	public static Long optionalLong(Map<String, String> parameters, String name) {
		return optional(parameters, name, Long::valueOf);
	}

	public static Integer optionalInt(Map<String, String> parameters, String name) {
		Long value = optionalLong(parameters, name);
		if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
			throw invalid(name, parameters.get(name));
		}
		return (value == null) ? null : value.intValue();
	}

	public static long requiredLong(Map<String, String> parameters, String name) {
		Long value = optionalLong(parameters, name);
		if (value == null) {
			throw ApiProblem.badRequest("missing-parameter", "problem.parameter.missing", name).with("parameter", name);
		}
		return value;
	}

	public static LocalDate optionalDate(Map<String, String> parameters, String name) {
		return optional(parameters, name, LocalDate::parse);
	}

	/**
	 * Null when missing or blank; text the parser refuses is a 400 naming the parameter.
	 */
	private static <T> T optional(Map<String, String> parameters, String name, Function<String, T> parser) {
		String text = parameters.get(name);
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return parser.apply(text.strip());
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw invalid(name, text);
		}
	}

	private static ApiProblem invalid(String name, String text) {
		return ApiProblem.badRequest("invalid-parameter", "problem.parameter.invalid", name, text)
			.with("parameter", name);
	}

}
