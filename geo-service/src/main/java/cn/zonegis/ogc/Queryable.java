package cn.zonegis.ogc;

import java.math.BigDecimal;
import java.time.format.DateTimeParseException;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.ZoneTime;

/**
 * One published property a client may filter on: its SQL over alias {@code t} and its
 * type.
 *
 * @param name the published name
 * @param sql the column or computed expression, written in code
 * @param type the property's value type
 */
public record Queryable(String name, String sql, Type type) {

	/** The value types of published properties, as JSON Schema names them. */
	public enum Type {

		STRING("string", null), INTEGER("integer", null), NUMBER("number", null), BOOLEAN("boolean", null),
		DATE("string", "date"), TIMESTAMP("string", "date-time"), ARRAY("array", null);

		private final String jsonType;

		private final String format;

		Type(String jsonType, String format) {
			this.jsonType = jsonType;
			this.format = format;
		}

		public String jsonType() {
			return this.jsonType;
		}

		public String format() {
			return this.format;
		}

		/** Maps a PostgreSQL type name from the result set metadata. */
		static Type ofPostgres(String typeName) {
			return switch (typeName) {
				case "int2", "int4", "int8", "serial", "bigserial" -> INTEGER;
				case "numeric", "float4", "float8" -> NUMBER;
				case "bool" -> BOOLEAN;
				case "date" -> DATE;
				case "timestamp", "timestamptz" -> TIMESTAMP;
				default -> typeName.startsWith("_") ? ARRAY : STRING;
			};
		}

	}

	public boolean temporal() {
		return this.type == Type.DATE || this.type == Type.TIMESTAMP;
	}

	/**
	 * The client's text as a value of this property's type, to bind; a 400 naming the
	 * property when it is not one.
	 */
	public Object valueOf(String text, ZoneTime zoneTime) {
		try {
			return switch (this.type) {
				case INTEGER -> Long.valueOf(text.strip());
				case NUMBER -> new BigDecimal(text.strip());
				case BOOLEAN -> parseBoolean(text.strip());
				case DATE -> zoneTime.dateOf(text);
				case TIMESTAMP -> zoneTime.read(text).start();
				case STRING, ARRAY -> text;
			};
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw ApiProblem.badRequest("invalid-value", "problem.value.type", this.name, text, this.type.jsonType())
				.with("property", this.name);
		}
	}

	/** A number from a filter as a value of this property's type. */
	public Object valueOf(BigDecimal number, ZoneTime zoneTime) {
		return switch (this.type) {
			case INTEGER, NUMBER -> number;
			default -> valueOf(number.toPlainString(), zoneTime);
		};
	}

	private Boolean parseBoolean(String text) {
		if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
			return Boolean.valueOf(text);
		}
		throw new NumberFormatException(text);
	}

}
