package cn.zonegis.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import cn.zonegis.DatabaseOutage;
import cn.zonegis.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Session login for the web map, HTTP Basic for API clients (QGIS, GDAL, scripts). Reads
 * need VIEWER unless public reading is on; writes always need a role.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

	/** Whom the access rules are asked about when nobody is logged in. */
	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("anonymous", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	@Bean
	SecurityFilterChain filterChain(HttpSecurity http, SecurityProperties properties, JsonMapper json,
			AppUserRepository users, DatabaseOutage outage, AuthenticationManager authentication,
			LoginThrottle throttle, ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) throws Exception {
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> {
			// The user look-up could not reach the database: an outage, not a wrong
			// password.
			if (DatabaseOutage.causedBy(ex)) {
				outage.write(request, response);
				return;
			}
			// A browser prompt would hide the map's own login page, so only non-browser
			// clients are challenged.
			if (request.getHeader("X-Requested-With") == null) {
				response.setHeader("WWW-Authenticate", "Basic realm=\"ZoneGIS\", charset=\"UTF-8\"");
			}
			writeProblem(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录 / Please log in");
		};
		AccessDeniedHandler denied = (request, response, ex) -> {
			// The CSRF check runs before authentication is asked for: a request without a
			// user that only a user may make needs a login first (RFC 9110 §15.5.2).
			if (ex instanceof CsrfException && nobodyLoggedIn()
					&& !privileges.getObject()
						.isAllowed(request.getContextPath(), UrlUtils.buildRequestUrl(request), request.getMethod(),
								ANONYMOUS)) {
				entryPoint.commence(request, response, new InsufficientAuthenticationException(ex.getMessage(), ex));
				return;
			}
			writeProblem(response, json, HttpStatus.FORBIDDEN, "forbidden", "您的角色无权执行此操作 / Your role may not do this");
		};
		LoginHandlers login = new LoginHandlers(json, users, outage);

		http.authorizeHttpRequests((auth) -> AccessRules.apply(auth, properties.publicRead()))
			.authenticationManager(authentication)
			.formLogin((form) -> form.loginProcessingUrl("/api/login")
				.successHandler(login::succeeded)
				.failureHandler(login::failed)
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/api/logout")
				.logoutSuccessHandler((request, response, auth) -> response.setStatus(HttpStatus.NO_CONTENT.value())))
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
			.csrf((csrf) -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(browserWrite()))
			.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
			.addFilterBefore(new LoginThrottleFilter(throttle, json), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(bearerTokens(authentication, entryPoint), BasicAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * No session user; the anonymous filter has not run yet when the CSRF check refuses.
	 */
	private static boolean nobodyLoggedIn() {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		return current == null || !current.isAuthenticated() || current instanceof AnonymousAuthenticationToken;
	}

	/**
	 * The browser's session cookie is sent automatically, so its writes need the CSRF
	 * token; a client sending its own Authorization header is not exposed to cross-site
	 * forgery.
	 */
	private static RequestMatcher browserWrite() {
		return (request) -> !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
				|| "OPTIONS".equals(request.getMethod())) && request.getHeader("Authorization") == null;
	}

	/**
	 * Passwords and API tokens; every failure and success is published, for the login
	 * throttle.
	 */
	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder, ApiTokens tokens,
			ApplicationEventPublisher events) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		ProviderManager manager = new ProviderManager(new ApiTokenAuthentication(tokens), passwords);
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		return manager;
	}

	@Bean
	LoginThrottle loginThrottle(LoginFailureLimits limits) {
		return new LoginThrottle(limits);
	}

	/**
	 * {@code Authorization: Bearer <API token>}; a wrong token is answered like a wrong
	 * password.
	 */
	private static AuthenticationFilter bearerTokens(AuthenticationManager authentication,
			AuthenticationEntryPoint entryPoint) {
		AuthenticationFilter filter = new AuthenticationFilter(authentication,
				ApiTokenAuthentication.bearerConverter());
		filter.setSuccessHandler((request, response, auth) -> {
		});
		AuthenticationEntryPointFailureHandler failure = new AuthenticationEntryPointFailureHandler(entryPoint);
		// Hand a failed token look-up (the database away) to the entry point too, which
		// answers 503.
		failure.setRethrowAuthenticationServiceException(false);
		filter.setFailureHandler(failure);
		return filter;
	}

	/**
	 * No observation around each of Spring Security's filters: they took about a tenth of
	 * the service's CPU on a small request (BENCHMARKS.md, 2026-12-04), and with the
	 * observations merely switched off the filters were still wrapped anew on every
	 * request. Every request is still timed in http_server_requests.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** Spring's firewall, its header checks without a regular expression. */
	@Bean
	StrictHttpFirewall httpFirewall() {
		return HeaderCharacters.firewall();
	}

	/**
	 * The firewall refuses paths holding ;, %00, an encoded / or . and the like before
	 * any controller sees them; say so as a problem, not as the container's error page.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
		return (request, response, ex) -> writeProblem(response, json, HttpStatus.BAD_REQUEST, "rejected-address",
				"请求地址含有不允许的字符（如 ;、%00、编码的 / 或 .），请求未处理 / The address holds characters that are refused "
						+ "(such as ;, %00, an encoded / or .); nothing was done");
	}

	@Bean
	RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy(Role.HIERARCHY);
	}

	/**
	 * BCrypt, with recent matches remembered so HTTP Basic clients do not pay it on every
	 * tile.
	 */
	@Bean
	PasswordEncoder passwordEncoder(MeterRegistry meters) {
		return new CachingPasswordEncoder(new BCryptPasswordEncoder(), Duration.ofMinutes(10), Clock.systemUTC(),
				meters);
	}

	static void writeProblem(HttpServletResponse response, JsonMapper json, HttpStatus status, String type,
			String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemWriter.type(type));
		problem.setTitle(status.getReasonPhrase());
		ProblemWriter.write(response, json, problem);
	}

	/**
	 * Loads the deferred CSRF token on every response so the map always has its
	 * XSRF-TOKEN cookie.
	 */
	private static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			if (token != null) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * @param publicRead GET on /api, /ogc and /tiles needs no login
	 */
	@ConfigurationProperties("zonegis.security")
	record SecurityProperties(boolean publicRead) {
	}

}
