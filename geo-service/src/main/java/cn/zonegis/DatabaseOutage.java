package cn.zonegis;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The database cannot be reached: every request that needs it answers 503 with
 * Retry-After, the same whether the failure surfaced in a controller or in the user
 * look-up of a login, so a client never takes an outage for a wrong password.
 */
@Component
public class DatabaseOutage {

	/**
	 * Long enough not to hammer a restarting server, short enough that the map is back
	 * soon after it.
	 */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	static final String TYPE = "database-unavailable";

	/**
	 * SQLSTATE class 08 is "connection exception"; 57P01-57P03 are the server shutting
	 * down, crashed or still starting, and 53300 is every connection slot taken.
	 */
	private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03", "53300");

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	DatabaseOutage(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	/**
	 * Whether this failure, or anything that caused it, says the database is out of
	 * reach.
	 */
	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// A rollback on a dead connection fails too; the failure it interrupted says
			// why. When a
			// commit failed first, Spring throws the rollback's failure alone: a
			// transaction that could
			// neither commit nor roll back on its connection has lost that connection.
			if (cause instanceof TransactionSystemException rollback
					&& ((rollback.getApplicationException() != null && causedBy(rollback.getApplicationException()))
							|| rollback.getCause() instanceof SQLException)) {
				return true;
			}
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || SERVER_GONE.contains(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	/** The 503 problem in the caller's language. */
	ProblemDetail problem(Locale locale) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				this.messages.getMessage("problem.database.unavailable", null, locale));
		body.setType(ProblemWriter.type(TYPE));
		body.setTitle(this.messages.getMessage("problem.title.503", null, locale));
		body.setProperty("retryAfterSeconds", RETRY_AFTER.toSeconds());
		return body;
	}

	/**
	 * Writes the 503 from a servlet filter (the login), where no controller advice runs.
	 */
	public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
		ProblemWriter.write(response, this.json, problem(this.locales.resolveLocale(request)));
	}

}
