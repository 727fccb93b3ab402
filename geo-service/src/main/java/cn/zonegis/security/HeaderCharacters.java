package cn.zonegis.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's firewall rule for header names, header values and parameter names,
 * without its regular expression: every character assigned in Unicode and none a control
 * character (a value may hold a tab). The firewall checks a header each time the header
 * is read, and an API client's request reads its Authorization header several times;
 * matching the regular expression was a few per cent of the service's CPU in the
 * work-order cycle (BENCHMARKS.md, 2026-12-04). The rule is the same, character for
 * character ({@code HeaderCharactersTests} compares it with Spring's over all of
 * Unicode).
 */
final class HeaderCharacters {

	private HeaderCharacters() {
	}

	/** Spring's {@link StrictHttpFirewall} with these checks in place of its own. */
	static StrictHttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames((name) -> allowed(name, false));
		firewall.setAllowedHeaderValues((value) -> allowed(value, true));
		firewall.setAllowedParameterNames((name) -> allowed(name, false));
		return firewall;
	}

	static boolean allowed(String text, boolean tabAllowed) {
		for (int i = 0; i < text.length();) {
			char c = text.charAt(i);
			// Printable ASCII is assigned and not a control character: no look-up needed.
			if (c >= ' ' && c < 0x7f) {
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && c == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
