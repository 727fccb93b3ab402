package cn.zonegis;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

/**
 * Optimistic locking over HTTP: the ETag of an editable row is its quoted version, and a
 * write must send it back in If-Match (OGC API - Features Part 4, RFC 9110). Also reads
 * If-None-Match for the cached reads (tiles).
 */
public final class ETag {

	private static final Pattern STRONG_VERSION = Pattern.compile("\"(\\d{1,9})\"");

	private ETag() {
	}

	/** The ETag header value of a version: {@code "3"}, quoted. */
	public static String of(int version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version a write expects, from its If-Match header: 428 when the header is
	 * missing, 412 when it names no version of ours ({@code *}, garbage), since it cannot
	 * match.
	 * @param current reads the row's version, only when the header lists several
	 */
	public static int expectedVersion(String ifMatch, IntSupplier current) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "problem.ifMatch.missing");
		}
		return parse(ifMatch, current);
	}

	/**
	 * The version a write expects where If-Match is optional (a lifecycle step): null
	 * when the header is absent or {@code *} (any version), 412 when it names no version
	 * of ours.
	 * @param current reads the row's version, only when the header lists several
	 */
	public static Integer optionalVersion(String ifMatch, IntSupplier current) {
		if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.strip())) {
			return null;
		}
		return parse(ifMatch, current);
	}

	/**
	 * Refuses a write made against another version than the current one (412): null
	 * expects any version.
	 * @param messageKey the feature's message: {0} the version edited, {1} the current
	 * one, then messageArgs
	 */
	public static void requireCurrent(Integer expected, int current, String messageKey, Object... messageArgs) {
		if (expected != null && expected != current) {
			throw stale(expected, current, messageKey, messageArgs);
		}
	}

	/**
	 * The 412 for a write made against version expected while the row is at current: the
	 * client reloads with currentVersion and edits again.
	 */
	public static ApiProblem stale(int expected, int current, String messageKey, Object... messageArgs) {
		Object[] args = new Object[messageArgs.length + 2];
		args[0] = expected;
		args[1] = current;
		System.arraycopy(messageArgs, 0, args, 2, messageArgs.length);
		return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", messageKey, args).with("currentVersion",
				current);
	}

	/**
	 * Whether a GET is answered 304 Not Modified: If-None-Match is {@code *} or lists the
	 * current tag, compared weakly (RFC 9110 §13.1.2), so {@code W/"x"} names
	 * {@code "x"}.
	 * @param ifNoneMatch the header, or null when absent
	 * @param current the quoted ETag of the representation
	 */
	public static boolean notModified(String ifNoneMatch, String current) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String member : members(ifNoneMatch)) {
			if ("*".equals(member) || opaque(member).equals(opaque(current))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The members of an If-Match or If-None-Match list. Split at commas: none of our tags
	 * holds one, so a foreign tag that does matches nothing either way.
	 */
	private static List<String> members(String header) {
		return Arrays.stream(header.split(",")).map(String::strip).toList();
	}

	/** A tag without its weakness indicator, for the weak comparison. */
	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

	/**
	 * The one version a write is made against. If-Match compares strongly (RFC 9110
	 * §13.1.1), so a weak tag never matches, and neither does a tag that is not one of
	 * our versions. A list naming several versions holds when any of them is current: the
	 * write is then made against the current one, which the writer checks again in its
	 * own transaction, so a change in between is still a 412. When none is current the
	 * lowest goes on, and the writer answers 412 with the current version.
	 */
	private static int parse(String ifMatch, IntSupplier current) {
		TreeSet<Integer> versions = new TreeSet<>();
		for (String member : members(ifMatch)) {
			Matcher tag = STRONG_VERSION.matcher(member);
			if (tag.matches()) {
				versions.add(Integer.parseInt(tag.group(1)));
			}
		}
		if (versions.isEmpty()) {
			throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", "problem.ifMatch.invalid", ifMatch);
		}
		if (versions.size() == 1) {
			return versions.first();
		}
		int now = current.getAsInt();
		return versions.contains(now) ? now : versions.first();
	}

}
