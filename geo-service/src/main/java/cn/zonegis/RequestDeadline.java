package cn.zonegis;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The moment by which the request on this thread must be done with the database
 * ({@link DatabaseProperties#requestTimeout()}). {@link DatabaseConfig}'s transaction
 * manager turns what is left into each transaction's timeout, so a request stuck behind a
 * lock is cancelled and answered 504 instead of holding a worker thread for ever.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestDeadline extends OncePerRequestFilter {

	private static final ThreadLocal<Instant> DEADLINE = new ThreadLocal<>();

	private final Duration limit;

	RequestDeadline(DatabaseProperties properties) {
		this.limit = properties.requestTimeout();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DEADLINE.set(Instant.now().plus(this.limit));
		try {
			chain.doFilter(request, response);
		}
		finally {
			DEADLINE.remove();
		}
	}

	/**
	 * Whole seconds left for this thread's request (at least 0), or empty outside a
	 * request.
	 */
	static OptionalLong secondsLeft() {
		Instant deadline = DEADLINE.get();
		if (deadline == null) {
			return OptionalLong.empty();
		}
		long millis = Duration.between(Instant.now(), deadline).toMillis();
		// JDBC counts query timeouts in whole seconds: round up, so a last partial second
		// still counts.
		return OptionalLong.of(Math.max(0, (millis + 999) / 1000));
	}

	/** Whether this thread's request has used up its time. */
	static boolean expired() {
		Instant deadline = DEADLINE.get();
		return deadline != null && !Instant.now().isBefore(deadline);
	}

}
