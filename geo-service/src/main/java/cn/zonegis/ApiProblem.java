package cn.zonegis;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure the user can act on, rendered as RFC 9457 problem details by
 * {@link ProblemHandler}. The detail is a message key with arguments, resolved in the
 * caller's language.
 */
public class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final String messageKey;

	private final Object[] messageArgs;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private final HttpHeaders headers = new HttpHeaders();

	public ApiProblem(HttpStatus status, String type, String messageKey, Object... messageArgs) {
		super(messageKey);
		this.status = status;
		this.type = type;
		this.messageKey = messageKey;
		this.messageArgs = wholeNumbersAsDigits(messageArgs);
	}

	/**
	 * MessageFormat groups whole numbers ("编号为 999,999", "15/1/99,999"): ids, tile
	 * addresses and versions read as the digits the client sent or will send back.
	 */
	private static Object[] wholeNumbersAsDigits(Object[] args) {
		Object[] digits = args.clone();
		for (int i = 0; i < digits.length; i++) {
			if (digits[i] instanceof Integer || digits[i] instanceof Long || digits[i] instanceof Short
					|| digits[i] instanceof Byte || digits[i] instanceof BigInteger) {
				digits[i] = digits[i].toString();
			}
		}
		return digits;
	}

	public static ApiProblem badRequest(String type, String messageKey, Object... args) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, type, messageKey, args);
	}

	public static ApiProblem notFound(String messageKey, Object... args) {
		return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", messageKey, args);
	}

	public static ApiProblem conflict(String type, String messageKey, Object... args) {
		return new ApiProblem(HttpStatus.CONFLICT, type, messageKey, args);
	}

	public static ApiProblem unprocessable(String type, String messageKey, Object... args) {
		return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, type, messageKey, args);
	}

	public static ApiProblem contentTooLarge(String type, String messageKey, Object... args) {
		return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, type, messageKey, args);
	}

	/**
	 * Adds a fact the client can use, such as the parameter at fault or the conflicting
	 * parcels.
	 */
	public ApiProblem with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	/**
	 * Adds a response header the status calls for, such as Allow on a 405 (RFC 9110
	 * §15.5.6).
	 */
	public ApiProblem withHeader(String name, String value) {
		this.headers.add(name, value);
		return this;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String type() {
		return this.type;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] messageArgs() {
		return this.messageArgs;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

	public HttpHeaders headers() {
		return this.headers;
	}

}
