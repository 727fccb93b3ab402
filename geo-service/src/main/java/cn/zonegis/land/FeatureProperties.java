package cn.zonegis.land;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;

import cn.zonegis.ApiProblem;
import cn.zonegis.InputRules;
import cn.zonegis.NumericColumn;
import tools.jackson.databind.JsonNode;

/**
 * Reads the properties of a GeoJSON Feature sent to a land endpoint, refusing each wrong
 * value with a 400 that names the property. Absent and null read as null.
 */
final class FeatureProperties {

	private final JsonNode properties;

	private final String problemType;

	private FeatureProperties(JsonNode properties, String problemType) {
		this.properties = properties;
		this.problemType = problemType;
	}

	/**
	 * The Feature's properties; a body that is not a Feature is a 400 of the given type,
	 * a member or property not among the known ones a 422 naming it.
	 */
	static FeatureProperties of(JsonNode feature, String problemType, Collection<String> known) {
		if (feature == null || !feature.isObject() || !"Feature".equals(feature.path("type").asString(""))) {
			throw ApiProblem.badRequest(problemType, "land.feature.required");
		}
		InputRules.refuseUnknownProperties(feature, known);
		return new FeatureProperties(feature.path("properties"), problemType);
	}

	String text(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw invalid("land.property.text", name);
		}
		String text = value.stringValue();
		if (text.isEmpty()) {
			return null;
		}
		InputRules.refuseBlanksAround(this.problemType, name, text);
		return text;
	}

	String requiredText(String name) {
		String text = text(name);
		if (text == null) {
			throw invalid("land.property.required", name);
		}
		return text;
	}

	/** One of the allowed values, or the default when absent. */
	String choice(String name, List<String> allowed, String defaultValue) {
		String text = text(name);
		if (text == null) {
			if (defaultValue == null) {
				throw invalid("land.property.required", name);
			}
			return defaultValue;
		}
		if (!allowed.contains(text)) {
			throw ApiProblem
				.badRequest(this.problemType, "land.property.allowed", name, text, String.join(", ", allowed))
				.with("property", name)
				.with("allowed", allowed);
		}
		return text;
	}

	/** A measure its numeric column keeps exactly, as the column's digits allow. */
	Double nonNegative(String name, NumericColumn column) {
		Double number = nonNegative(name);
		return (number == null) ? null
				: column.require(value(name).decimalValue(), this.problemType, name).doubleValue();
	}

	Integer count(String name) {
		Double number = nonNegative(name);
		if (number == null) {
			return null;
		}
		if (number != Math.rint(number) || number > Integer.MAX_VALUE) {
			throw invalid("land.property.number", name);
		}
		return number.intValue();
	}

	private Double nonNegative(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < 0) {
			throw invalid("land.property.number", name);
		}
		return value.asDouble();
	}

	boolean flag(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return false;
		}
		if (!value.isBoolean()) {
			throw invalid("land.property.boolean", name);
		}
		return value.asBoolean();
	}

	LocalDate date(String name) {
		String text = text(name);
		try {
			return (text == null) ? null : LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw invalid("land.property.date", name);
		}
	}

	/** A nested GeoJSON object (such as an enterprise's footprint), or null. */
	JsonNode object(String name) {
		JsonNode value = value(name);
		if (value != null && !value.isObject()) {
			throw invalid("land.property.object", name);
		}
		return value;
	}

	/** A required property that is absent, as {@link #requiredText} refuses it. */
	ApiProblem missing(String name) {
		return invalid("land.property.required", name);
	}

	/** A property given although another one's value rules it out. */
	ApiProblem notWhen(String name, String other, String otherValue) {
		return ApiProblem.badRequest(this.problemType, "land.property.notWhen", name, other, otherValue)
			.with("property", name);
	}

	private JsonNode value(String name) {
		JsonNode value = this.properties.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	private ApiProblem invalid(String key, String name) {
		return ApiProblem.badRequest(this.problemType, key, name).with("property", name);
	}

}
