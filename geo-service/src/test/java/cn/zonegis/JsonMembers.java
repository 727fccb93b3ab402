package cn.zonegis;

import tools.jackson.databind.JsonNode;

/** Picks one member out of a JSON array in an answer, by a field the member carries. */
public final class JsonMembers {

	private JsonMembers() {
	}

	/**
	 * The first member of the array whose field has that text; a test fails when there is
	 * none.
	 */
	public static JsonNode memberWith(JsonNode array, String field, String value) {
		for (JsonNode member : array) {
			if (member.has(field) && member.get(field).asString().equals(value)) {
				return member;
			}
		}
		throw new AssertionError("no member with " + field + " " + value + " in " + array);
	}

}
