package cn.zonegis.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt (the map's form login, HTTP Basic or a Bearer token) with 429
 * and Retry-After while its user name or address is over the failure limit. Requests
 * without credentials, such as the map's calls on its session, pass.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	private final JsonMapper json;

	LoginThrottleFilter(LoginThrottle throttle, JsonMapper json) {
		this.throttle = throttle;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> username = loginName(request);
		Optional<Duration> wait = username.flatMap((name) -> this.throttle.retryAfter(name, request.getRemoteAddr()));
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, wait.get().toSeconds() + ((wait.get().toNanosPart() > 0) ? 1 : 0));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		SecurityConfig.writeProblem(response, this.json, HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins",
				"登录失败次数过多，请 " + seconds + " 秒后再试 / Too many failed logins; try again in " + seconds + " seconds");
	}

	/**
	 * The user name a request logs in with ("" for a Bearer token), or empty when it does
	 * not log in.
	 */
	private static Optional<String> loginName(HttpServletRequest request) {
		if ("POST".equals(request.getMethod()) && "/api/login".equals(request.getServletPath())) {
			return Optional.of(Optional.ofNullable(request.getParameter("username")).orElse(""));
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			return Optional.empty();
		}
		if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()),
						StandardCharsets.UTF_8);
				int colon = pair.indexOf(':');
				return Optional.of((colon < 0) ? pair : pair.substring(0, colon));
			}
			catch (IllegalArgumentException ex) {
				return Optional.of("");
			}
		}
		return Optional.of("");
	}

}
