package cn.zonegis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
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
 * Every JSON request body, whatever the controller binds it to, is read once as a tree
 * and held to {@link InputRules} before it is bound, so no endpoint can forget a rule.
 * Unknown members of a bound record are refused by the mapper itself
 * (FAIL_ON_UNKNOWN_PROPERTIES, see {@link JsonStrictness}); unknown GeoJSON properties by
 * the feature reading them.
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
			this.rules.check(this.json.readTree(body));
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
