package cn.zonegis;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zonegis.geo.ZoneTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

import org.springframework.stereotype.Component;

/**
 * The rules every JSON body obeys before any feature reads it, checked in one walk over
 * the tree: finite numbers, well-formed Unicode, text no longer than its kind of field
 * allows, dates as YYYY-MM-DD within a plausible range, and a bounded depth. A field's
 * kind comes from its name, which is the same across /api and /ogc: a code ({@code code},
 * {@code land_class_code}), a note ({@code note}, {@code description},
 * {@code legalBasis}, {@code hazard_note}), a date ({@code decisionDate},
 * {@code start_date}, {@code approved_on}), or else a name. Each refusal names the field
 * and its JSON Pointer.
 */
@Component
public class InputRules {

	/** Free texts written over lines, whose blanks and line breaks are content. */
	private static final Set<String> NOTE_FIELDS = Set.of("note", "description", "legal_basis", "legalBasis",
			"hazard_note", "missing_reason", "rectification", "opinion");

	/** The members RFC 7946 gives a Feature, and OGC API links. */
	private static final Set<String> FEATURE_MEMBERS = Set.of("type", "id", "geometry", "properties", "bbox", "crs",
			"links");

	/**
	 * What every editable layer keeps about each row and publishes with it; never written
	 * by a client.
	 */
	private static final Set<String> BOOKKEEPING = Set.of("id", "version", "created_at", "created_by", "updated_at",
			"updated_by");

	private static final BigDecimal LARGEST_DOUBLE = BigDecimal.valueOf(Double.MAX_VALUE);

	private static final BigInteger LARGEST_LONG = BigInteger.valueOf(Long.MAX_VALUE);

	private final InputLimits limits;

	/** "Today", for the latest date allowed, is the zone's calendar day. */
	private final ZoneTime zoneTime;

	public InputRules(InputLimits limits, ZoneTime zoneTime) {
		this.limits = limits;
		this.zoneTime = zoneTime;
	}

	/** Refuses the body at its first value that breaks a rule. */
	public void check(JsonNode body) {
		walk(body, "", "", 0);
	}

	/**
	 * Refuses the texts of a record that comes as no JSON body (an imported feature's
	 * attributes, named as the API names them) as the API refuses a body's: by
	 * {@link #check} and {@link #refuseBlanksAround}.
	 */
	public void checkAttributes(JsonNode attributes) {
		check(attributes);
		for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
			if (attribute.getValue().isString()) {
				refuseBlanksAround("blanks-around-text", attribute.getKey(), attribute.getValue().stringValue());
			}
		}
	}

	/**
	 * Refuses, with a 400 naming the field and its pointer, a number a double does not
	 * keep as written: one whose value differs from that of the double it parses to, as
	 * Double.toString writes it (122.12345678901234567 would be stored as
	 * 122.12345678901235, 1e-400 as 0). A number beyond a double is left to
	 * {@link #check}, which refuses it as out of range.
	 * @param text the number as sent
	 * @param parsed the double it parses to
	 */
	public static void refuseRounded(String field, String pointer, String text, double parsed) {
		if (!Double.isFinite(parsed)) {
			return;
		}
		String kept = Double.toString(parsed);
		if (!kept.equals(text) && new BigDecimal(text).compareTo(new BigDecimal(kept)) != 0) {
			throw ApiProblem.badRequest("imprecise-number", "problem.input.precision", field, pointer, text, kept)
				.with("property", field)
				.with("pointer", pointer)
				.with("storedAs", kept);
		}
	}

	/**
	 * A date sent as text, or null when blank.
	 * @throws ApiProblem 400 naming the field unless it is YYYY-MM-DD within the
	 * plausible range
	 */
	public LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return checkedDate(field, "/" + field, text);
	}

	/**
	 * Refuses, with a 422 naming them, members of a GeoJSON Feature other than RFC 7946's
	 * and properties other than the layer's known ones (those it writes and those it
	 * computes, which a client may send back unchanged from a read) and the bookkeeping
	 * every layer keeps.
	 */
	public static void refuseUnknownProperties(JsonNode feature, Collection<String> known) {
		refuseUnknown(feature, FEATURE_MEMBERS, FEATURE_MEMBERS, "");
		Set<String> accepted = new HashSet<>(known);
		accepted.addAll(BOOKKEEPING);
		refuseUnknown(feature.get("properties"), accepted, known, "/properties");
	}

	/**
	 * Refuses, with a 422 naming the first, a read-only property (computed, or moved by a
	 * lifecycle) sent with a value the service does not publish for it: neither what a
	 * read of the row being saved gives, nor what a read of the stored row gave, which a
	 * GIS client sends back beside its edits (QGIS writes back every attribute it read).
	 * Null is no value.
	 * @param properties the properties as sent
	 * @param saved the properties a read of the row being saved publishes
	 * @param read the properties reads of the stored row published (none for a new row)
	 */
	public static void refuseChanged(JsonNode properties, Collection<String> readOnly, JsonNode saved,
			JsonNode... read) {
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			String name = property.getKey();
			JsonNode sent = property.getValue();
			if (readOnly.contains(name) && !sent.isNull()
					&& Arrays.stream(read).noneMatch((earlier) -> same(sent, earlier.path(name)))) {
				refuseChanged(name, sent, saved.has(name) ? saved.get(name) : NullNode.getInstance());
			}
		}
	}

	/**
	 * Refuses, with a 422 naming it, a value sent for a property the service keeps itself
	 * (computed, or moved by a lifecycle) that differs from the value it keeps.
	 */
	private static void refuseChanged(String name, JsonNode sent, JsonNode kept) {
		if (!same(sent, kept)) {
			throw ApiProblem
				.unprocessable("read-only-property", "problem.input.readOnlyProperty", name, sent.toString(),
						kept.toString())
				.with("property", name)
				.with("pointer", "/properties/" + escape(name))
				.with("computed", kept);
		}
	}

	/**
	 * Numbers compare by value (1200 and 1200.0 are one area), times by the instant they
	 * name (/ogc writes +00:00 where /api writes Z).
	 */
	private static boolean same(JsonNode sent, JsonNode kept) {
		if (sent.isNumber() && kept.isNumber()) {
			return sent.decimalValue().compareTo(kept.decimalValue()) == 0;
		}
		if (sent.isString() && kept.isString() && !sent.equals(kept)) {
			return sameInstant(sent.stringValue(), kept.stringValue());
		}
		return sent.equals(kept);
	}

	private static boolean sameInstant(String sent, String kept) {
		try {
			return OffsetDateTime.parse(sent).isEqual(OffsetDateTime.parse(kept));
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static void refuseUnknown(JsonNode object, Collection<String> accepted, Collection<String> known,
			String pointer) {
		if (object == null || !object.isObject()) {
			return;
		}
		List<String> unknown = object.propertyNames().stream().filter((name) -> !accepted.contains(name)).toList();
		if (!unknown.isEmpty()) {
			throw ApiProblem
				.unprocessable("unknown-property", "problem.input.unknownProperty", String.join(", ", unknown),
						String.join(", ", known.stream().sorted().toList()))
				.with("property", unknown.get(0))
				.with("pointer", pointer + "/" + escape(unknown.get(0)))
				.with("unknownProperties", unknown);
		}
	}

	private void walk(JsonNode node, String pointer, String field, int depth) {
		if (node.isContainer()) {
			if (depth >= this.limits.jsonDepth()) {
				throw ApiProblem.badRequest("too-deep", "problem.input.tooDeep", this.limits.jsonDepth())
					.with("pointer", pointer);
			}
			if (node.isObject()) {
				for (String name : node.propertyNames()) {
					String at = pointer + "/" + escape(name);
					text(name, at, name, this.limits.nameLength());
					walk(node.get(name), at, name, depth + 1);
				}
			}
			else {
				for (int i = 0; i < node.size(); i++) {
					walk(node.get(i), pointer + "/" + i, field, depth + 1);
				}
			}
		}
		else if (isDate(field) && !node.isNull() && !(node.isString() && node.stringValue().isEmpty())) {
			if (!node.isString()) {
				throw dateProblem(field, pointer, node.toString());
			}
			checkedDate(field, pointer, node.stringValue());
		}
		else if (node.isString()) {
			text(field, pointer, node.stringValue(), lengthLimit(field));
		}
		else if (node.isNumber() && !isFinite(node)) {
			throw ApiProblem.badRequest("invalid-number", "problem.input.number", field, pointer)
				.with("property", field)
				.with("pointer", pointer);
		}
	}

	private void text(String field, String pointer, String text, int limit) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean pairStart = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			if (pairStart) {
				i++;
			}
			else if (Character.isSurrogate(c) || c == '\u0000' || c == '\uFFFE' || c == '\uFFFF') {
				throw ApiProblem
					.badRequest("invalid-unicode", "problem.input.unicode", field, String.format("U+%04X", (int) c),
							i + 1)
					.with("property", field)
					.with("pointer", pointer);
			}
		}
		int length = text.codePointCount(0, text.length());
		if (length > limit) {
			throw ApiProblem.badRequest("text-too-long", "problem.input.tooLong", field, length, limit)
				.with("property", field)
				.with("pointer", pointer)
				.with("maxLength", limit);
		}
	}

	private int lengthLimit(String field) {
		if (isCode(field)) {
			return this.limits.codeLength();
		}
		return NOTE_FIELDS.contains(field) ? this.limits.noteLength() : this.limits.nameLength();
	}

	/** Whether the field holds codes (code, land_class_code, parcel_codes). */
	public static boolean isCode(String field) {
		return field.equals("code") || field.endsWith("_code") || field.endsWith("Code") || field.endsWith("_codes");
	}

	/**
	 * Refuses a code, a name or any other one-line text with blanks before or after it:
	 * "PRB-4 " looks like "PRB-4" but would be another code (or name) to every search and
	 * unique check, and trimming would store what was not sent. A note keeps its blanks
	 * and line breaks, which are its content.
	 * @throws ApiProblem 400 of the given type naming the property
	 */
	public static void refuseBlanksAround(String problemType, String property, String text) {
		if (NOTE_FIELDS.contains(property) || text.equals(text.strip())) {
			return;
		}
		String key = isCode(property) ? "problem.input.codeBlanks" : "problem.input.textBlanks";
		throw ApiProblem.badRequest(problemType, key, property, text).with("property", property);
	}

	private static boolean isDate(String field) {
		return field.equals("date") || field.endsWith("_date") || field.endsWith("Date") || field.endsWith("_on");
	}

	private LocalDate checkedDate(String field, String pointer, String text) {
		LocalDate date;
		try {
			date = ZoneTime.isDate(text) ? LocalDate.parse(text) : null;
		}
		catch (DateTimeParseException ex) {
			date = null;
		}
		if (date == null) {
			throw dateProblem(field, pointer, text);
		}
		LocalDate latest = this.zoneTime.today().plusYears(this.limits.yearsAhead());
		if (date.isBefore(this.limits.earliestDate()) || date.isAfter(latest)) {
			throw ApiProblem
				.badRequest("date-out-of-range", "problem.input.dateRange", field, text, this.limits.earliestDate(),
						latest)
				.with("property", field)
				.with("pointer", pointer)
				.with("earliest", this.limits.earliestDate().toString())
				.with("latest", latest.toString());
		}
		return date;
	}

	private static ApiProblem dateProblem(String field, String pointer, String text) {
		return ApiProblem.badRequest("invalid-date", "problem.input.date", field, text)
			.with("property", field)
			.with("pointer", pointer);
	}

	private static boolean isFinite(JsonNode number) {
		if (number.isBigInteger()) {
			return number.bigIntegerValue().abs().compareTo(LARGEST_LONG) <= 0;
		}
		if (number.isBigDecimal()) {
			return number.decimalValue().abs().compareTo(LARGEST_DOUBLE) <= 0;
		}
		return !number.isFloatingPointNumber() || Double.isFinite(number.doubleValue());
	}

	/** A member name as a JSON Pointer (RFC 6901) segment. */
	private static String escape(String name) {
		return name.replace("~", "~0").replace("/", "~1");
	}

}
