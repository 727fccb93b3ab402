package cn.zonegis.workorder;

/** A work order's version as an HTTP entity tag: the quoted number, as the other editable layers use. */
final class ETags {

	private ETags() {
	}

	static String of(int version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version an If-Match names, or null without one. A tag that is not a version can match no
	 * order, so it reads as version 0 and the step fails with 412.
	 */
	static Integer version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.strip())) {
			return null;
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Integer.parseInt(tag);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
