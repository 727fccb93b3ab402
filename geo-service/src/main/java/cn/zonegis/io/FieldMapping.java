package cn.zonegis.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.zonegis.ApiProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which source field holds each parcel attribute. A field the user did not name is looked
 * up under the usual names, English and Chinese, as surveyors' and planners' tools write
 * them, and as ZoneGIS's own export writes them (a Shapefile cuts names to ten
 * characters); a DXF, which keeps no attributes, holds the code in its layer name.
 */
record FieldMapping(String code, String name, String landUse, String landClassCode, String holder,
		String surveyedAreaM2, String note) {

	private static final List<String> CODE = List.of("code", "CODE", "地块编号", "DKBH", "dkbh", "Layer");

	private static final List<String> NAME = List.of("name", "NAME", "Name", "地块名称", "DKMC", "dkmc");

	private static final List<String> LAND_USE = List.of("land_use", "LAND_USE", "地块用途", "用途", "YDXZ", "DKYT");

	private static final List<String> LAND_CLASS = List.of("land_class_code", "land_class", "LAND_CLASS", "地类编码",
			"DLBM", "dlbm");

	private static final List<String> HOLDER = List.of("holder", "HOLDER", "权利人", "用地单位", "QLR", "qlr");

	private static final List<String> SURVEYED_AREA = List.of("surveyed_area_m2", "surveyed_a", "SURVEYED_A", "测量面积");

	/** KML keeps a placemark's free text in its description. */
	private static final List<String> NOTE = List.of("note", "NOTE", "remark", "REMARK", "备注", "BZ", "description");

	/**
	 * The version an export wrote, so that an import of an old export cannot undo a later
	 * edit.
	 */
	private static final List<String> VERSION = List.of("version");

	/**
	 * What an export writes beside the attributes and the service keeps itself: read
	 * back, they are passed by, as a PUT of a parcel read from the API passes them by.
	 */
	private static final Set<String> COMPUTED = Set.of("status", "updated_at", "area_m2", "area_mu", "area_ha");

	String code(JsonNode properties) {
		return value(properties, "code");
	}

	String name(JsonNode properties) {
		return value(properties, "name");
	}

	String landUse(JsonNode properties) {
		return value(properties, "land_use");
	}

	String landClassCode(JsonNode properties) {
		return value(properties, "land_class_code");
	}

	String holder(JsonNode properties) {
		return value(properties, "holder");
	}

	String note(JsonNode properties) {
		return value(properties, "note");
	}

	/**
	 * The text attributes the feature gives, as an object of parcel column names, for the
	 * API's text rules ({@link cn.zonegis.InputRules#checkAttributes}) to judge as they
	 * judge a drawn parcel's.
	 */
	ObjectNode texts(JsonNode properties) {
		return texts(value(properties, "code"), value(properties, "name"), value(properties, "land_use"),
				value(properties, "land_class_code"), value(properties, "holder"), value(properties, "note"));
	}

	/**
	 * A parcel's text attributes under their column names, as the API's text rules judge
	 * a drawn parcel's; a null leaves the attribute out.
	 */
	static ObjectNode texts(String code, String name, String landUse, String landClassCode, String holder,
			String note) {
		ObjectNode texts = JsonNodeFactory.instance.objectNode();
		texts.put("code", code);
		texts.put("name", name);
		texts.put("land_use", landUse);
		texts.put("land_class_code", landClassCode);
		texts.put("holder", holder);
		texts.put("note", note);
		return texts;
	}

	/**
	 * @throws ApiProblem naming the field unless its value is a number of at least 0
	 */
	Double surveyedAreaM2(JsonNode properties) {
		BigDecimal area = number(properties, "surveyed_area_m2");
		return (area == null) ? null : area.doubleValue();
	}

	/**
	 * @throws ApiProblem naming the field unless its value is a whole number from 1
	 */
	Integer version(JsonNode properties) {
		BigDecimal version = number(properties, "version");
		if (version == null) {
			return null;
		}
		try {
			int whole = version.intValueExact();
			if (whole >= 1) {
				return whole;
			}
		}
		catch (ArithmeticException ex) {
			// Not whole, or too large: refused below.
		}
		throw invalid("io.field.version", "version", version.toPlainString());
	}

	/**
	 * For each attribute the import reads (the parcel columns code, name, land_use,
	 * land_class_code, holder, surveyed_area_m2, note, then the version), the source
	 * fields that may hold it, first choice first: the one the user named, else the usual
	 * names. A feature takes the first of them with a value, as {@link #code} does.
	 */
	Map<String, List<String>> sourceFields() {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		fields.put("code", fields(this.code, CODE));
		fields.put("name", fields(this.name, NAME));
		fields.put("land_use", fields(this.landUse, LAND_USE));
		fields.put("land_class_code", fields(this.landClassCode, LAND_CLASS));
		fields.put("holder", fields(this.holder, HOLDER));
		fields.put("surveyed_area_m2", fields(this.surveyedAreaM2, SURVEYED_AREA));
		fields.put("note", fields(this.note, NOTE));
		fields.put("version", VERSION);
		return fields;
	}

	/**
	 * Each field of the feature whose value no attribute takes, so that importing the
	 * feature would lose it: a field the register has no place for, or a second field of
	 * an attribute (备注 beside note) that says something else than the one taken. Empty
	 * fields, the fields the service computes and the format's drawing fields lose
	 * nothing.
	 */
	List<ApiProblem> unkeptFields(JsonNode properties, Set<String> drawingFields) {
		List<ApiProblem> unkept = new ArrayList<>();
		if (properties == null || !properties.isObject()) {
			return unkept;
		}
		Map<String, List<String>> attributes = sourceFields();
		for (String field : properties.propertyNames()) {
			String value = text(properties.get(field));
			if (value == null || COMPUTED.contains(field) || drawingFields.contains(field)) {
				continue;
			}
			String attribute = attributes.entrySet()
				.stream()
				.filter((a) -> a.getValue().contains(field))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(null);
			if (attribute == null) {
				List<String> columns = attributes.keySet().stream().filter((a) -> !a.equals("version")).toList();
				unkept.add(
						ApiProblem.unprocessable("unknown-field", "io.field.unknown", field, String.join(", ", columns))
							.with("field", field));
				continue;
			}
			String taken = takenField(properties, attributes.get(attribute));
			if (!field.equals(taken) && !Objects.equals(value, text(properties.get(taken)))) {
				unkept.add(ApiProblem.unprocessable("conflicting-fields", "io.field.conflict", field, taken, attribute)
					.with("field", field)
					.with("takenField", taken));
			}
		}
		return unkept;
	}

	private static List<String> fields(String chosen, List<String> usual) {
		return (chosen != null && !chosen.isBlank()) ? List.of(chosen.strip()) : usual;
	}

	private String value(JsonNode properties, String attribute) {
		String field = takenField(properties, sourceFields().get(attribute));
		return (field == null) ? null : text(properties.get(field));
	}

	/** The first of the fields with a value, or null. */
	private static String takenField(JsonNode properties, List<String> fields) {
		if (properties == null || !properties.isObject()) {
			return null;
		}
		return fields.stream().filter((f) -> text(properties.get(f)) != null).findFirst().orElse(null);
	}

	/** A number written as one or as text (a DBF or KML field often holds text). */
	private BigDecimal number(JsonNode properties, String attribute) {
		String field = takenField(properties, sourceFields().get(attribute));
		if (field == null) {
			return null;
		}
		String text = text(properties.get(field));
		try {
			// Blanks around a number are no part of it.
			BigDecimal number = new BigDecimal(text.strip());
			if (number.signum() >= 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Refused below.
		}
		throw invalid("io.field.number", field, text);
	}

	private static ApiProblem invalid(String key, String field, String value) {
		return ApiProblem.unprocessable("invalid-field", key, field, value).with("field", field);
	}

	/**
	 * The field's value as the file holds it, blanks included (the text rules refuse them
	 * around a name, a note keeps them); null when it holds nothing but blanks.
	 */
	private static String text(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		String text = node.isString() ? node.asString() : node.toString();
		return text.isBlank() ? null : text;
	}

}
