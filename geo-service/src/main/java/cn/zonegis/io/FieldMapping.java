package cn.zonegis.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Which source field holds each parcel attribute. A field the user did not name is looked
 * up under the usual names, English and Chinese, as surveyors' and planners' tools write
 * them; a DXF, which keeps no attributes, holds the code in its layer name.
 */
record FieldMapping(String code, String name, String landUse, String landClassCode, String holder) {

	private static final List<String> CODE = List.of("code", "CODE", "地块编号", "DKBH", "dkbh", "Layer");

	private static final List<String> NAME = List.of("name", "NAME", "Name", "地块名称", "DKMC", "dkmc");

	private static final List<String> LAND_USE = List.of("land_use", "LAND_USE", "地块用途", "用途", "YDXZ", "DKYT");

	private static final List<String> LAND_CLASS = List.of("land_class_code", "land_class", "LAND_CLASS", "地类编码",
			"DLBM", "dlbm");

	private static final List<String> HOLDER = List.of("holder", "HOLDER", "权利人", "用地单位", "QLR", "qlr");

	String code(JsonNode properties) {
		return value(properties, this.code, CODE);
	}

	String name(JsonNode properties) {
		return value(properties, this.name, NAME);
	}

	String landUse(JsonNode properties) {
		return value(properties, this.landUse, LAND_USE);
	}

	String landClassCode(JsonNode properties) {
		return value(properties, this.landClassCode, LAND_CLASS);
	}

	String holder(JsonNode properties) {
		return value(properties, this.holder, HOLDER);
	}

	/**
	 * For each parcel column (code, name, land_use, land_class_code, holder), the source
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
		return fields;
	}

	private static List<String> fields(String chosen, List<String> usual) {
		return (chosen != null && !chosen.isBlank()) ? List.of(chosen.strip()) : usual;
	}

	private static String value(JsonNode properties, String chosen, List<String> usual) {
		if (properties == null || !properties.isObject()) {
			return null;
		}
		for (String field : fields(chosen, usual)) {
			String value = text(properties.get(field));
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		String text = node.isString() ? node.asString().strip() : node.toString();
		return text.isEmpty() ? null : text;
	}

}
