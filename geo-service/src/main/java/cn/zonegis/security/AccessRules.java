package cn.zonegis.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The role matrix of the README, by URL: checked before a request body is read, so a role
 * that may not write is refused (403) whatever it sends. The services name the same roles
 * again with {@code @PreAuthorize}, so a call from inside the service is held to them
 * too.
 */
final class AccessRules {

	/**
	 * The app shell, including the crew's service worker, its Workbox runtime and the web
	 * app manifest: a browser fetches these without the session's credentials.
	 */
	private static final String[] PUBLIC = { "/", "/index.html", "/report.html", "/assets/**", "/favicon.ico", "/*.png",
			"/*.svg", "/sw.js", "/workbox-*.js", "/manifest.webmanifest", "/api/config", "/api/login",
			"/actuator/health", "/actuator/health/**", "/error" };

	private static final String[] READ_PATHS = { "/api/**", "/ogc/**", "/tiles/**", "/v3/api-docs", "/v3/api-docs.yaml",
			"/v3/api-docs/**" };

	private static final String[] ADMIN_ONLY = { "/actuator/**", "/api/audit", "/api/audit/**", "/swagger-ui.html",
			"/swagger-ui/**" };

	/** Every user manages their own tokens and session, whatever their role. */
	private static final String[] ANY_USER = { "/api/me", "/api/events", "/api/logout", "/api/tokens",
			"/api/tokens/**" };

	/**
	 * The office's overview (统计看板): figures for those who plan and dispatch, not for
	 * crews and viewers.
	 */
	private static final String[] OVERVIEW = { "/api/zones/stats", "/api/workorders/stats/month",
			"/api/crews/workload" };

	private static final String[] DISPATCHING = { "/api/workorders/*/dispatch" };

	private static final String[] WORK_STEPS = { "/api/workorders/*/transitions" };

	/**
	 * Reporting work: a new order, an inspection's finding, a photo. The safety office
	 * reports inspections and their findings only (checked by the work order service).
	 */
	private static final String[] REPORTING = { "/api/workorders", "/api/workorders/*/findings",
			"/api/workorders/*/attachments" };

	/** A fault on a light or cable, which opens a repair order. */
	private static final String[] FAULTS = { "/api/assets/streetlights/*/fault", "/api/assets/cables/*/fault" };

	private static final String[] PLANNING = { "/api/parcels", "/api/parcels/**", "/api/zones", "/api/zones/**",
			"/api/enterprises", "/api/enterprises/**", "/api/assets/**", "/api/roads/**", "/api/pipes/**",
			"/api/wells/**", "/api/streetlights/**", "/api/cables/**", "/api/projects", "/api/projects/**", "/ogc/**",
			"/api/buildings", "/api/buildings/**", "/api/park-entry-reviews", "/api/park-entry-reviews/**" };

	/**
	 * The safety office's own register: the self-built house survey, through /api and
	 * OGC.
	 */
	private static final String[] SAFETY_REGISTER = { "/api/self-built-houses", "/api/self-built-houses/**",
			"/ogc/collections/self_built_houses/items", "/ogc/collections/self_built_houses/items/**" };

	private AccessRules() {
	}

	static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
			boolean publicRead) {
		auth.requestMatchers(PUBLIC).permitAll();
		auth.requestMatchers(ADMIN_ONLY).hasRole(Role.ADMIN.name());
		auth.requestMatchers(ANY_USER).authenticated();
		auth.requestMatchers(OVERVIEW).hasAnyRole(Role.PLANNER.name(), Role.DISPATCHER.name());
		if (publicRead) {
			auth.requestMatchers(HttpMethod.GET, READ_PATHS).permitAll();
		}
		auth.requestMatchers(HttpMethod.GET, READ_PATHS).hasRole(Role.VIEWER.name());
		auth.requestMatchers(HttpMethod.HEAD, READ_PATHS).hasRole(Role.VIEWER.name());
		auth.requestMatchers(HttpMethod.OPTIONS, READ_PATHS).permitAll();
		auth.requestMatchers(DISPATCHING).hasRole(Role.DISPATCHER.name());
		auth.requestMatchers(WORK_STEPS).hasAnyRole(Role.DISPATCHER.name(), Role.CREW.name());
		auth.requestMatchers(HttpMethod.POST, REPORTING)
			.hasAnyRole(Role.DISPATCHER.name(), Role.PLANNER.name(), Role.CREW.name(), Role.SAFETY.name());
		auth.requestMatchers(HttpMethod.POST, FAULTS)
			.hasAnyRole(Role.DISPATCHER.name(), Role.PLANNER.name(), Role.CREW.name());
		auth.requestMatchers(SAFETY_REGISTER).hasRole(Role.SAFETY.name());
		auth.requestMatchers(PLANNING).hasRole(Role.PLANNER.name());
		// Anything not named above is for administrators until the matrix says otherwise.
		auth.anyRequest().hasRole(Role.ADMIN.name());
	}

}
