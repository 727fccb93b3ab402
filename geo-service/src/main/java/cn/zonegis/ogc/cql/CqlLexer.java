package cn.zonegis.ogc.cql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits cql2-text into tokens: words, quoted identifiers, strings, numbers and
 * punctuation.
 */
final class CqlLexer {

	enum Kind {

		WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL, END

	}

	/**
	 * @param position where the token starts in the filter, for messages and for cutting
	 * out WKT
	 */
	record Token(Kind kind, String text, int position) {

		boolean is(String word) {
			return (this.kind == Kind.WORD || this.kind == Kind.SYMBOL) && this.text.equalsIgnoreCase(word);
		}

	}

	private static final String SYMBOLS = "(),=<>";

	private CqlLexer() {
	}

	static List<Token> tokens(String text) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '\'') {
				i = quoted(text, i, '\'', Kind.STRING, tokens);
			}
			else if (c == '"') {
				i = quoted(text, i, '"', Kind.QUOTED_IDENTIFIER, tokens);
			}
			else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < text.length()
					&& (Character.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '.'))) {
				int end = i + 1;
				while (end < text.length() && (Character.isDigit(text.charAt(end))
						|| ".eE".indexOf(text.charAt(end)) >= 0 || ((text.charAt(end) == '-' || text.charAt(end) == '+')
								&& "eE".indexOf(text.charAt(end - 1)) >= 0))) {
					end++;
				}
				tokens.add(new Token(Kind.NUMBER, text.substring(i, end), i));
				i = end;
			}
			else if (Character.isLetter(c) || c == '_') {
				int end = i + 1;
				while (end < text.length()
						&& (Character.isLetterOrDigit(text.charAt(end)) || "_:.".indexOf(text.charAt(end)) >= 0)) {
					end++;
				}
				tokens.add(new Token(Kind.WORD, text.substring(i, end), i));
				i = end;
			}
			else if (text.startsWith("<>", i) || text.startsWith("<=", i) || text.startsWith(">=", i)) {
				tokens.add(new Token(Kind.SYMBOL, text.substring(i, i + 2), i));
				i += 2;
			}
			else if (SYMBOLS.indexOf(c) >= 0) {
				tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
				i++;
			}
			else {
				throw new CqlException("unexpected character '" + c + "' at position " + i);
			}
		}
		tokens.add(new Token(Kind.END, "", text.length()));
		return tokens;
	}

	/** A '…' string or "…" identifier; a doubled quote inside stands for one. */
	private static int quoted(String text, int start, char quote, Kind kind, List<Token> tokens) {
		StringBuilder value = new StringBuilder();
		int i = start + 1;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == quote) {
				if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
					value.append(quote);
					i += 2;
					continue;
				}
				tokens.add(new Token(kind, value.toString(), start));
				return i + 1;
			}
			value.append(c);
			i++;
		}
		throw new CqlException(
				"unterminated " + ((kind == Kind.STRING) ? "string" : "identifier") + " at position " + start);
	}

}
