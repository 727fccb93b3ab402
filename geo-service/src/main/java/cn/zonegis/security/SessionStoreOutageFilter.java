package cn.zonegis.security;

import java.io.IOException;

import cn.zonegis.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC): while it is away, reading or saving
 * a session fails in Spring Session's filter, before any controller advice runs. This
 * filter, just outside it, answers such a request as every other one during an outage
 * (503 with Retry-After), and the session itself stays in the database for after the
 * outage.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreOutageFilter {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sessionStoreOutage(DatabaseOutage outage) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						try {
							chain.doFilter(request, response);
						}
						catch (RuntimeException | ServletException ex) {
							if (!DatabaseOutage.causedBy(ex) || response.isCommitted()) {
								throw ex;
							}
							response.reset();
							outage.write(request, response);
						}
					}

				});
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

}
