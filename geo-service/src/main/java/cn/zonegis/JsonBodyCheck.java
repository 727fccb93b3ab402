package cn.zonegis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.util.JsonParserDelegate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every JSON request body, whatever the controller binds it to, is read once as a tree,
 * its numbers checked as they are parsed, and held to {@link InputRules} before it is
 * bound, so no endpoint can forget a rule. Unknown members of a bound record are refused
 * by the mapper itself (FAIL_ON_UNKNOWN_PROPERTIES, see {@link JsonStrictness}); unknown
 * GeoJSON properties by the feature reading them.
 */
@ControllerAdvice
class JsonBodyCheck extends RequestBodyAdviceAdapter {

	private final JsonMapper json;

	private final InputRules rules;

	private final InputLimits limits;

	JsonBodyCheck(JsonMapper json, InputRules rules, InputLimits limits) {
		this.json = json;
		this.rules = rules;
		this.limits = limits;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		MediaType type = message.getHeaders().getContentType();
		if (type == null
				|| !(type.isCompatibleWith(MediaType.APPLICATION_JSON) || "json".equals(type.getSubtypeSuffix()))) {
			return message;
		}
		byte[] body = read(message);
		try {
			JsonNode tree = this.json.readTree(new ExactNumbers(this.json.createParser(body)));
			// An empty body has no tree; the converter says it is missing.
			if (tree != null) {
				this.rules.check(tree);
			}
		}
		catch (StreamConstraintsException ex) {
			throw ApiProblem.badRequest("body-beyond-limits", "problem.input.constraint", ex.getOriginalMessage());
		}
		catch (JacksonException ex) {
			TokenStreamLocation at = ex.getLocation();
			int line = (at == null) ? 0 : at.getLineNr();
			int column = (at == null) ? 0 : at.getColumnNr();
			throw ApiProblem
				.badRequest("unreadable-body", "problem.input.syntax", line, column, ex.getOriginalMessage())
				.with("line", line)
				.with("column", column);
		}
		return new Replayed(message.getHeaders(), body);
	}

	/**
	 * At most the configured size: a larger body is refused before it fills the memory.
	 */
	private byte[] read(HttpInputMessage message) throws IOException {
		long limit = this.limits.jsonBodySize().toBytes();
		byte[] body = message.getBody().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
		if (message.getHeaders().getContentLength() > limit || body.length > limit) {
			throw new ApiProblem(HttpStatus.valueOf(413), "body-too-large", "problem.input.bodyTooLarge",
					this.limits.jsonBodySize().toMegabytes())
				.with("maxBytes", limit);
		}
		return body;
	}

	/**
	 * Refuses each number a double does not keep as written as the parser passes it (see
	 * {@link InputRules#refuseRounded}): the tree holds doubles, and the text sent is
	 * gone once it is built. A number of at most 15 characters without an exponent has at
	 * most 15 significant digits, which a double always keeps, so a large body of
	 * ordinary coordinates (9 decimals) reads as fast as before; an integer beyond a long
	 * is left to InputRules.
	 */
	private static final class ExactNumbers extends JsonParserDelegate {

		private static final int ALWAYS_KEPT = 15;

		ExactNumbers(JsonParser parser) {
			super(parser);
		}

		@Override
		public JsonToken nextToken() {
			JsonToken token = this.delegate.nextToken();
			if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
				if (mayBeRounded() && this.delegate.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
					InputRules.refuseRounded(field(), this.delegate.streamReadContext().pathAsPointer().toString(),
							this.delegate.getString(), this.delegate.getDoubleValue());
				}
			}
			return token;
		}

		private boolean mayBeRounded() {
			int length = this.delegate.getStringLength();
			if (length > ALWAYS_KEPT) {
				return true;
			}
			char[] text = this.delegate.getStringCharacters();
			int start = this.delegate.getStringOffset();
			for (int i = start; i < start + length; i++) {
				if (text[i] == 'e' || text[i] == 'E') {
					return true;
				}
			}
			return false;
		}

		/** The member the number belongs to, as InputRules names fields. */
		private String field() {
			for (TokenStreamContext at = this.delegate.streamReadContext(); at != null; at = at.getParent()) {
				if (at.currentName() != null) {
					return at.currentName();
				}
			}
			return "";
		}

	}

	/** The body already read, handed to the converter again. */
	private record Replayed(HttpHeaders headers, byte[] bytes) implements HttpInputMessage {

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.bytes);
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

	}

}
