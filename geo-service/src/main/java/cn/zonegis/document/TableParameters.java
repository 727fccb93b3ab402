package cn.zonegis.document;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import cn.zonegis.ApiProblem;

/**
 * Reads the query parameters of a table download the way Spring binds them for the JSON
 * list: a missing one is null, a malformed one a 400 naming it.
 */
public final class TableParameters {

	private TableParameters() {
	}

	public static Long optionalLong(Map<String, String> parameters, String name) {
		String text = parameters.get(name);
		try {
			return (text == null || text.isBlank()) ? null : Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			throw invalid(name, text);
		}
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
		String text = parameters.get(name);
		try {
			return (text == null || text.isBlank()) ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw invalid(name, text);
		}
	}

	private static ApiProblem invalid(String name, String text) {
		return ApiProblem.badRequest("invalid-parameter", "problem.parameter.invalid", name, text)
			.with("parameter", name);
	}

}
