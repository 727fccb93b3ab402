package cn.zonegis;

import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads that tolerate replication lag (tiles, OGC items pages, search) go to a PostgreSQL
 * streaming replica when {@code zonegis.db.replica-url} names one; everything else,
 * writes and reads that must see the caller's own writes, goes to the primary. Only the
 * handler of such a GET request reads from the replica (on its request thread, and on the
 * thread that streams its body): the filters before it, the session and the login, stay
 * on the primary.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${zonegis.db.replica-url:}' != ''")
class ReplicaReads implements WebMvcConfigurer {

	/** The paths whose GET handlers may read from the replica. */
	static final String[] LAG_TOLERANT = { "/tiles/**", "/ogc/collections/*/items", "/api/search" };

	private static final String MARK = ReplicaReads.class.getName();

	private static final ThreadLocal<Boolean> ON_REPLICA = new ThreadLocal<>();

	/**
	 * The primary's pool, configured as spring.datasource (user, password, hikari.*).
	 * Spring Session uses it directly: a session is saved when the response is committed,
	 * which may happen inside a lag-tolerant handler, and must never go to the replica.
	 */
	@Bean
	@SpringSessionDataSource
	HikariDataSource primaryDataSource(DataSourceProperties properties, Environment environment) {
		return pool(properties, environment, properties.determineUrl(), "primary");
	}

	/**
	 * The service's DataSource: the primary's pool, or the replica's (read-only,
	 * configured as the primary's) for a lag-tolerant read.
	 */
	@Bean
	@Primary
	DataSource dataSource(@Qualifier("primaryDataSource") HikariDataSource primary, DataSourceProperties properties,
			Environment environment) {
		DatabaseProperties db = Binder.get(environment).bindOrCreate("zonegis.db", DatabaseProperties.class);
		HikariDataSource replica = pool(properties, environment, db.replicaUrl(), "replica");
		replica.setReadOnly(true);
		AbstractRoutingDataSource routing = new AbstractRoutingDataSource() {
			@Override
			protected Object determineCurrentLookupKey() {
				return Boolean.TRUE.equals(ON_REPLICA.get()) ? "replica" : "primary";
			}
		};
		routing.setTargetDataSources(Map.of("primary", primary, "replica", replica));
		routing.setDefaultTargetDataSource(primary);
		routing.afterPropertiesSet();
		return routing;
	}

	private static HikariDataSource pool(DataSourceProperties properties, Environment environment, String url,
			String name) {
		HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).url(url).build();
		Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
		pool.setPoolName("zonegis-" + name);
		DatabaseConfig.setStatementTimeout(pool, environment);
		return pool;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AsyncHandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (HttpMethod.GET.matches(request.getMethod())) {
					request.setAttribute(MARK, Boolean.TRUE);
					ON_REPLICA.set(Boolean.TRUE);
				}
				return true;
			}

			@Override
			public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
					Object handler) {
				ON_REPLICA.remove();
			}

			@Override
			public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
					Exception ex) {
				ON_REPLICA.remove();
			}
		}).addPathPatterns(LAG_TOLERANT);
	}

	/** A streamed body is written on another thread: it reads where its handler did. */
	@Override
	public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
		configurer.registerCallableInterceptors(new CallableProcessingInterceptor() {
			@Override
			public <T> void preProcess(NativeWebRequest request, Callable<T> task) {
				if (Boolean.TRUE.equals(request.getAttribute(MARK, NativeWebRequest.SCOPE_REQUEST))) {
					ON_REPLICA.set(Boolean.TRUE);
				}
			}

			@Override
			public <T> void postProcess(NativeWebRequest request, Callable<T> task, Object result) {
				ON_REPLICA.remove();
			}
		});
	}

}
