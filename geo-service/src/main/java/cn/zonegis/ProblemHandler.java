package cn.zonegis;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every error as application/problem+json in the caller's language, and logs it
 * once. It runs before Spring's own problem-details advice, which would answer a missing
 * or mistyped parameter without naming it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

	static final String TYPE_BASE = "https://zonegis.cn/problems/";

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	/**
	 * pgjdbc's SQLSTATE for a statement cancelled by statement_timeout or by a JDBC query
	 * timeout.
	 */
	private static final String QUERY_CANCELED = "57014";

	private final MessageSource messages;

	private final DatabaseOutage outage;

	private final DatabaseProperties database;

	private final MultipartProperties multipart;

	ProblemHandler(MessageSource messages, DatabaseOutage outage, DatabaseProperties database,
			MultipartProperties multipart) {
		this.messages = messages;
		this.outage = outage;
		this.database = database;
		this.multipart = multipart;
	}

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
		String detail = message(problem.messageKey(), problem.messageArgs());
		log.info("{} {}: {}", problem.status().value(), problem.type(), detail);
		ProblemDetail body = problem(problem.status(), problem.type(), detail);
		problem.properties().forEach(body::setProperty);
		return ResponseEntity.status(body.getStatus())
			.headers(problem.headers())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(body);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
				message("problem.parameter.invalid", ex.getName(), String.valueOf(ex.getValue())));
		body.setProperty("parameter", ex.getName());
		return respond(body);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
		return missing(ex.getParameterName());
	}

	/**
	 * Raised while the multipart body is read, before any controller: the limit is the
	 * configured one.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException ex) {
		long limit = Math.min(this.multipart.getMaxFileSize().toBytes(), this.multipart.getMaxRequestSize().toBytes());
		String readable = (limit >= DataSize.ofMegabytes(1).toBytes())
				? (limit / DataSize.ofMegabytes(1).toBytes()) + " MB"
				: (limit / DataSize.ofKilobytes(1).toBytes()) + " KB";
		ProblemDetail body = problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large",
				message("problem.upload.too-large", readable));
		body.setProperty("limitBytes", limit);
		return respond(body);
	}

	/**
	 * A body the mapper could not bind: an unknown member (422), or a value of the wrong
	 * kind (400), each naming the field; syntax, Unicode, numbers and dates were already
	 * checked by JsonBodyCheck.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		log.info("unreadable request body: {}", ex.getMostSpecificCause().getMessage());
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			List<String> known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
			return apiProblem(ApiProblem
				.unprocessable("unknown-property", "problem.input.unknownProperty", unknown.getPropertyName(),
						String.join(", ", known))
				.with("property", unknown.getPropertyName())
				.with("pointer", pointer(unknown))
				.with("unknownProperties", List.of(unknown.getPropertyName())));
		}
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			List<JacksonException.Reference> path = mismatch.getPath();
			String field = path.get(path.size() - 1).getPropertyName();
			field = (field == null) ? pointer(mismatch) : field;
			String kind = message("problem.input.kind." + kind(mismatch.getTargetType()));
			return apiProblem(ApiProblem.badRequest("invalid-value", "problem.input.value", field, kind)
				.with("property", field)
				.with("pointer", pointer(mismatch)));
		}
		String key = (ex.getCause() == null) ? "problem.body.missing" : "problem.body.unreadable";
		return respond(problem(HttpStatus.BAD_REQUEST, "unreadable-body", message(key)));
	}

	/** A multipart body that cannot be parsed (no closing boundary, broken headers). */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> malformedMultipart(MultipartException ex) {
		log.info("malformed multipart: {}", ex.getMostSpecificCause().getMessage());
		return respond(problem(HttpStatus.BAD_REQUEST, "malformed-multipart", message("problem.multipart.malformed")));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException ex) {
		return missing(ex.getRequestPartName());
	}

	/** A query parameter and a multipart part are both parameters to the client. */
	private ResponseEntity<ProblemDetail> missing(String parameter) {
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "missing-parameter",
				message("problem.parameter.missing", parameter));
		body.setProperty("parameter", parameter);
		return respond(body);
	}

	/**
	 * Whatever else Spring MVC refuses before a controller runs (wrong method, media
	 * type, size): its status, in the caller's language, with the headers it calls for
	 * (Allow, Accept).
	 */
	@ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeException.class,
			ServletRequestBindingException.class, ErrorResponseException.class, AsyncRequestTimeoutException.class })
	ResponseEntity<ProblemDetail> errorResponse(Exception exception) {
		ErrorResponse ex = (ErrorResponse) exception;
		HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
		ProblemDetail body = problem(status, slug(status), message("problem.http." + status.value()));
		return ResponseEntity.status(status)
			.headers(ex.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(body);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException ex) {
		return respond(
				problem(HttpStatus.NOT_FOUND, "not-found", message("problem.path.unknown", ex.getResourcePath())));
	}

	/**
	 * A constraint the database enforces that no rule above it caught: a conflict, never
	 * a 500.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		log.warn("integrity violation: {}", ex.getMostSpecificCause().getMessage());
		return respond(problem(HttpStatus.CONFLICT, "constraint-violation", message("problem.constraint")));
	}

	/**
	 * The database is out of reach (503, try again shortly) or the request ran out of
	 * time (504); anything else is a bug and goes on to the default 500. A transaction
	 * cut off this way was rolled back whole by PostgreSQL.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<ProblemDetail> database(Exception ex) throws Exception {
		if (DatabaseOutage.causedBy(ex)) {
			log.warn("database unavailable: {}", ex.getMessage());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER.toSeconds()))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(this.outage.problem(LocaleContextHolder.getLocale()));
		}
		if (!timedOut(ex)) {
			throw ex;
		}
		log.warn("timed out: {}", ex.getMessage());
		ProblemDetail body = RequestDeadline.expired()
				? problem(HttpStatus.GATEWAY_TIMEOUT, "request-timeout",
						message("problem.timeout.request", this.database.requestTimeout().toSeconds()))
				: problem(HttpStatus.GATEWAY_TIMEOUT, "query-timeout",
						message("problem.timeout.query", this.database.statementTimeout().toMillis() / 1000.0));
		return respond(body);
	}

	private static boolean timedOut(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof QueryTimeoutException || cause instanceof TransactionTimedOutException
					|| (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	/** The problem type for a bare HTTP status: "method-not-allowed" for 405. */
	static String slug(HttpStatus status) {
		return status.is5xxServerError() ? "internal-error"
				: status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
	}

	private static String pointer(JacksonException ex) {
		StringBuilder pointer = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			pointer.append('/')
				.append((reference.getPropertyName() != null) ? reference.getPropertyName() : reference.getIndex());
		}
		return pointer.toString();
	}

	/** What a field of this Java type holds, in words the message bundle has. */
	private static String kind(Class<?> type) {
		if (type == null) {
			return "value";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "boolean";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "number";
		}
		if (type == String.class || type.isEnum()) {
			return "text";
		}
		if (type == LocalDate.class) {
			return "date";
		}
		return Collection.class.isAssignableFrom(type) || type.isArray() ? "list" : "object";
	}

	private ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(ProblemWriter.type(type));
		body.setTitle(this.messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
				LocaleContextHolder.getLocale()));
		return body;
	}

	private String message(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, args, key, locale);
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
		return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

}
