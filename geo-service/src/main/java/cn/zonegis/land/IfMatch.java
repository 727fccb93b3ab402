package cn.zonegis.land;

import cn.zonegis.ApiProblem;

import org.springframework.http.HttpStatus;

/** Reads the version a client edited from its If-Match header (the ETag "\"<version>\""). */
final class IfMatch {

	private IfMatch() {
	}

	/**
	 * @return the version, or null for {@code *} (any version) and for an absent header when it is optional
	 */
	static Integer version(String header, boolean required) {
		if (header == null || header.isBlank()) {
			if (required) {
				throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "parcel.if-match.required");
			}
			return null;
		}
		String tag = header.strip();
		if ("*".equals(tag)) {
			return null;
		}
		tag = tag.startsWith("W/") ? tag.substring(2) : tag;
		tag = tag.replace("\"", "");
		try {
			return Integer.valueOf(tag);
		}
		catch (NumberFormatException ex) {
			// An entity tag we never issued matches no version: the precondition fails.
			return -1;
		}
	}

}
