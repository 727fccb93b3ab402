package cn.zonegis.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A table beside the map that downloads as .xlsx from /api/tables/{id}.xlsx. Each feature
 * declares its tables as beans, built on the same service call as its JSON list, so the
 * sheet holds exactly the rows the API answers for the same parameters. The report
 * registers plug in the same way: one more bean, no new writer.
 *
 * @param id the table in URLs (parcels, land-recoveries…)
 * @param titleZh the sheet's Chinese title
 * @param titleEn its English title
 * @param columns the columns, in order
 * @param rows the rows for the request's query parameters
 */
public record SpreadsheetTable(String id, String titleZh, String titleEn, List<Column> columns, Rows rows) {

	/** What a cell holds and how it is written. */
	public enum Kind {

		/** Text as it is. */
		TEXT,
		/** A number, written as a number. */
		NUMBER,
		/**
		 * An area: two number columns, m² and 亩, each the row's own value, so the sheet
		 * states the 亩 the API and the drawings state.
		 */
		AREA,
		/** Yes or no, in the sheet's language. */
		BOOLEAN,
		/** A code (a state, a kind) written as its label in the sheet's language. */
		LABEL

	}

	/**
	 * One column.
	 *
	 * @param property the row's property (a GeoJSON feature's property, or id)
	 * @param zh the Chinese header
	 * @param en the English header
	 * @param kind how the value is written
	 * @param labels for {@link Kind#LABEL}: the message key of a code without the code
	 * (parcel.status.), else null
	 * @param muProperty for {@link Kind#AREA}: the row's property with the area in 亩
	 * (property holds it in m²), else null
	 */
	public record Column(String property, String zh, String en, Kind kind, String labels, String muProperty) {

		public static Column text(String property, String zh, String en) {
			return new Column(property, zh, en, Kind.TEXT, null, null);
		}

		public static Column number(String property, String zh, String en) {
			return new Column(property, zh, en, Kind.NUMBER, null, null);
		}

		/**
		 * The 亩 are read, not worked out from the m²: those are rounded to the cm², and
		 * their 亩 can differ from the stated 亩 in the last decimal.
		 */
		public static Column area(String m2Property, String muProperty, String zh, String en) {
			return new Column(m2Property, zh, en, Kind.AREA, null, muProperty);
		}

		public static Column bool(String property, String zh, String en) {
			return new Column(property, zh, en, Kind.BOOLEAN, null, null);
		}

		/**
		 * A code labelled by the message {@code labels + code}; an unknown code as it is.
		 */
		public static Column label(String property, String zh, String en, String labels) {
			return new Column(property, zh, en, Kind.LABEL, labels, null);
		}

	}

	/** The rows for a request's query parameters, one JSON object each. */
	@FunctionalInterface
	public interface Rows {

		List<JsonNode> of(Map<String, String> parameters);

	}

	/**
	 * The features of a GeoJSON FeatureCollection as rows: their properties, with the
	 * feature's id as {@code id}.
	 */
	public static List<JsonNode> featureRows(JsonNode collection) {
		List<JsonNode> rows = new ArrayList<>();
		for (JsonNode feature : collection.path("features")) {
			ObjectNode row = ((ObjectNode) feature.path("properties")).deepCopy();
			row.set("id", feature.path("id"));
			rows.add(row);
		}
		return rows;
	}

}
