package cn.zonegis.asset;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.zonegis.ApiProblem;
import cn.zonegis.InputRules;
import cn.zonegis.NumericColumn;
import tools.jackson.databind.JsonNode;

/**
 * One editable column of an asset table: its SQL name (also the GeoJSON property), its
 * type, whether it must be given (always, or when another column has a value), its
 * default, its allowed values (the table's CHECK, said early and in words), for a
 * reference the table it points to, and for a decimal the digits its numeric column
 * keeps.
 */
record AssetColumn(String name, Type type, boolean isRequired, String defaultValue, List<String> allowedValues,
		String references, String requiredWhenColumn, String requiredWhenValue, NumericColumn digits,
		boolean isUnique) {

	private static final int MAX_TEXT = 200;

	enum Type {

		TEXT, INTEGER, DECIMAL, REFERENCE

	}

	AssetColumn {
		if (!name.matches("[a-z_]+")) {
			throw new IllegalArgumentException("unsafe column name " + name);
		}
	}

	static AssetColumn text(String name) {
		return new AssetColumn(name, Type.TEXT, false, null, List.of(), null, null, null, null, false);
	}

	static AssetColumn integer(String name) {
		return new AssetColumn(name, Type.INTEGER, false, null, List.of(), null, null, null, null, false);
	}

	/** A numeric(precision, scale) column. */
	static AssetColumn decimal(String name, int precision, int scale) {
		return new AssetColumn(name, Type.DECIMAL, false, null, List.of(), null, null, null,
				new NumericColumn(precision, scale), false);
	}

	/** The id of a row of another table (a well, an enterprise). */
	static AssetColumn reference(String name, String table) {
		return new AssetColumn(name, Type.REFERENCE, false, null, List.of(), table, null, null, null, false);
	}

	AssetColumn required() {
		return new AssetColumn(this.name, this.type, true, this.defaultValue, this.allowedValues, this.references, null,
				null, this.digits, this.isUnique);
	}

	/**
	 * Required only while the other column has that value (a dedicated pipe names its
	 * enterprise).
	 */
	AssetColumn requiredWhen(String column, String value) {
		return new AssetColumn(this.name, this.type, this.isRequired, this.defaultValue, this.allowedValues,
				this.references, column, value, this.digits, this.isUnique);
	}

	AssetColumn unique() {
		return new AssetColumn(this.name, this.type, this.isRequired, this.defaultValue, this.allowedValues,
				this.references, this.requiredWhenColumn, this.requiredWhenValue, this.digits, true);
	}

	AssetColumn defaultsTo(String value) {
		return new AssetColumn(this.name, this.type, this.isRequired, value, this.allowedValues, this.references,
				this.requiredWhenColumn, this.requiredWhenValue, this.digits, this.isUnique);
	}

	AssetColumn allowed(String... values) {
		return new AssetColumn(this.name, this.type, this.isRequired, this.defaultValue, List.of(values),
				this.references, this.requiredWhenColumn, this.requiredWhenValue, this.digits, this.isUnique);
	}

	/** Refuses a row where this column is missing although its condition holds. */
	void checkCondition(Map<String, Object> row) {
		if (this.requiredWhenColumn != null && this.requiredWhenValue.equals(row.get(this.requiredWhenColumn))
				&& row.get(this.name) == null) {
			throw invalid("asset.attribute.requiredWhen", this.name, this.requiredWhenColumn, this.requiredWhenValue);
		}
	}

	/**
	 * The value to bind for a GeoJSON property: absent or null falls back to the default,
	 * and a missing required value, a wrong type or a value outside the allowed list is a
	 * 400 naming the property.
	 */
	Object bind(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			if (this.isRequired) {
				throw invalid("asset.attribute.required", this.name);
			}
			return this.defaultValue;
		}
		if (this.type == Type.TEXT && value.isString()) {
			checkText(value.stringValue());
		}
		Object bound = switch (this.type) {
			case TEXT -> value.isString() && value.stringValue().length() <= MAX_TEXT ? value.stringValue() : null;
			case INTEGER -> value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : null;
			case DECIMAL -> value.isNumber() && Double.isFinite(value.doubleValue()) ? value.decimalValue() : null;
			case REFERENCE -> value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : null;
		};
		if (bound == null) {
			throw invalid("asset.attribute.type", this.name, String.valueOf(value), this.type.name().toLowerCase());
		}
		if (!this.allowedValues.isEmpty() && !this.allowedValues.contains(bound)) {
			throw invalid("asset.attribute.allowed", this.name, bound, String.join(", ", this.allowedValues));
		}
		if (bound instanceof BigDecimal number && number.signum() < 0 || bound instanceof Integer count && count <= 0) {
			throw invalid("asset.attribute.positive", this.name, bound);
		}
		if (bound instanceof BigDecimal number) {
			return this.digits.require(number, "invalid-attribute", this.name);
		}
		return bound;
	}

	/** A required text has something in it; any text is taken as sent or refused. */
	private void checkText(String text) {
		if (this.isRequired && text.isBlank()) {
			throw invalid("asset.attribute.required", this.name);
		}
		InputRules.refuseBlanksAround("invalid-attribute", this.name, text);
	}

	private ApiProblem invalid(String key, Object... args) {
		return ApiProblem.badRequest("invalid-attribute", key, args).with("property", this.name);
	}

}
