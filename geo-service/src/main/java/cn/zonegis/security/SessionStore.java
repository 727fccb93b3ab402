package cn.zonegis.security;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How sessions are kept in PostgreSQL cheaply enough to be read on every request (see
 * {@link ThrottledSessionRepository}).
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	/**
	 * Spring Session's transactions: plain ones on its own DataSource, without the commit
	 * hooks of the service's transaction manager (a session is no map feature, so a
	 * commit need not ask whether tiles changed). Reading a session by id is one SELECT,
	 * consistent on its own, so it runs without a transaction: one round trip to
	 * PostgreSQL on every request instead of two (the SELECT, then a COMMIT).
	 */
	@Bean
	TransactionOperations springSessionTransactionOperations(
			@SpringSessionDataSource ObjectProvider<DataSource> sessionDataSource,
			ObjectProvider<DataSource> dataSource) {
		TransactionTemplate transactions = new TransactionTemplate(
				new JdbcTransactionManager(sessionDataSource.getIfAvailable(dataSource::getObject)));
		transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		TransactionOperations plain = TransactionOperations.withoutTransaction();
		return new TransactionOperations() {
			@Override
			public <T> T execute(TransactionCallback<T> action) {
				return ThrottledSessionRepository.readingById() ? plain.execute(action) : transactions.execute(action);
			}
		};
	}

	/**
	 * Spring Session's JDBC store, wrapped so that its filter reads a session once per
	 * request and writes only what changed. Wrapped rather than declared, as a store of
	 * our own would keep Spring Boot from making the JDBC one.
	 */
	@Bean
	static BeanPostProcessor throttledSessionRepository() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository store) ? new ThrottledSessionRepository<>(store)
						: bean;
			}
		};
	}

	/**
	 * Just outside Spring Session's filter, on every dispatch it sees (request, async,
	 * error): the session a request read is never handed to the next request on the same
	 * thread, and the async or error dispatch that finishes a request (a streamed page,
	 * its failure) uses the session it read instead of reading it again, which during an
	 * outage waited for the pool and turned the page's 503 into a 500.
	 */
	@Bean
	FilterRegistrationBean<Filter> sessionReadPerRequest() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
			ThrottledSessionRepository.resumeReads(request);
			try {
				chain.doFilter(request, response);
			}
			finally {
				ThrottledSessionRepository.suspendReads(request);
			}
		});
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

}
