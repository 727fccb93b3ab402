package cn.zonegis.security;

import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HeaderCharactersTests {

	@Test
	void headerValuesAreJudgedAsSpringJudgesThemOverAllOfUnicode() {
		assertSameAsSpring(StrictHttpFirewall.ALLOWED_HEADER_VALUES, true);
	}

	@Test
	void headerAndParameterNamesAreJudgedAsSpringJudgesThemOverAllOfUnicode() {
		assertSameAsSpring(StrictHttpFirewall.ALLOWED_HEADER_NAMES, false);
		assertSameAsSpring(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES, false);
	}

	@Test
	void longerTextIsJudgedAsSpringJudgesIt() {
		String[] texts = { "", "Bearer zgt_IiOfAbc-_.~+/=", "地块 A\t红线", "a\u0000b", "tab\tthen\u007f",
				"\uD83D\uDE00 smile", "lone \uD800 high", "lone \uDC00 low", "\uD800", "\u0378 unassigned",
				"\u00A0\u2028\u200B\uFEFF", "\u0085next line", "\uDB7F\uDFFF" };
		for (String text : texts) {
			assertThat(HeaderCharacters.allowed(text, true)).as(text)
				.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
			assertThat(HeaderCharacters.allowed(text, false)).as(text)
				.isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
		}
	}

	@Test
	void theFirewallStillRefusesAControlCharacterInAHeader() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
		request.addHeader("Authorization", "Bearer abc\u0007");
		request.addHeader("X-Fine", "地块\t1");
		var firewalled = HeaderCharacters.firewall().getFirewalledRequest(request);
		assertThat(firewalled.getHeader("X-Fine")).isEqualTo("地块\t1");
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> firewalled.getHeader("Authorization"));
	}

	/** Each code point alone, in a short text, and after a tab. */
	private static void assertSameAsSpring(Predicate<String> spring, boolean tabAllowed) {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String alone = Character.toString(codePoint);
			assertThat(HeaderCharacters.allowed(alone, tabAllowed)).as("U+%04X", codePoint)
				.isEqualTo(spring.test(alone));
			String inText = "a" + alone + "\tz";
			assertThat(HeaderCharacters.allowed(inText, tabAllowed)).as("U+%04X in a text", codePoint)
				.isEqualTo(spring.test(inText));
		}
	}

}
