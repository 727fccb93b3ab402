package cn.zonegis;

import java.net.URI;
import java.sql.SQLException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every error as application/problem+json in the caller's language, and logs it once. It
 * runs before Spring's own problem-details advice, which would answer a missing or mistyped
 * parameter without naming it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

	static final String TYPE_BASE = "https://zonegis.cn/problems/";

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	/** pgjdbc's SQLSTATE for a statement cancelled by statement_timeout or by a JDBC query timeout. */
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
		return respond(body);
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
		ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "missing-parameter",
				message("problem.parameter.missing", ex.getParameterName()));
		body.setProperty("parameter", ex.getParameterName());
		return respond(body);
	}

	/** Raised while the multipart body is read, before any controller: the limit is the configured one. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException ex) {
		long limit = Math.min(this.multipart.getMaxFileSize().toBytes(), this.multipart.getMaxRequestSize().toBytes());
		String readable = (limit >= DataSize.ofMegabytes(1).toBytes()) ? (limit / DataSize.ofMegabytes(1).toBytes()) + " MB"
				: (limit / DataSize.ofKilobytes(1).toBytes()) + " KB";
		ProblemDetail body = problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large",
				message("problem.upload.too-large", readable));
		body.setProperty("limitBytes", limit);
		return respond(body);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		log.info("unreadable request body: {}", ex.getMostSpecificCause().getMessage());
		return respond(problem(HttpStatus.BAD_REQUEST, "unreadable-body", message("problem.body.unreadable")));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "not-found", message("problem.path.unknown", ex.getResourcePath())));
	}

	/** A constraint the database enforces that no rule above it caught: a conflict, never a 500. */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		log.warn("integrity violation: {}", ex.getMostSpecificCause().getMessage());
		return respond(problem(HttpStatus.CONFLICT, "constraint-violation", message("problem.constraint")));
	}

	/**
	 * The database is out of reach (503, try again shortly) or the request ran out of time (504);
	 * anything else is a bug and goes on to the default 500. A transaction cut off this way was
	 * rolled back whole by PostgreSQL.
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

	private ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(URI.create(TYPE_BASE + type));
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
