package cn.zonegis;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * How the service uses its connections: a statement timeout on each, a request deadline
 * on each transaction.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

	/**
	 * Sets statement_timeout on every connection the pool opens, so it holds for every
	 * query, inside a transaction or not. Bound from the environment because a
	 * post-processor is created before configuration properties beans.
	 */
	@Bean
	static BeanPostProcessor statementTimeout(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool) {
					setStatementTimeout(pool, environment);
				}
				return bean;
			}
		};
	}

	/** The configured statement_timeout on every connection this pool opens. */
	static void setStatementTimeout(HikariDataSource pool, Environment environment) {
		Duration timeout = Binder.get(environment)
			.bindOrCreate("zonegis.db", DatabaseProperties.class)
			.statementTimeout();
		pool.setConnectionInitSql("SET statement_timeout = " + timeout.toMillis());
	}

	/**
	 * Each transaction gets what is left of its request's time as its timeout (see
	 * {@link RequestDeadline}); each read-write one runs the {@link CommitHook}s around
	 * its commit.
	 */
	@Bean
	JdbcTransactionManager transactionManager(DataSource dataSource, ObjectProvider<CommitHook> commitHooks) {
		ThreadLocal<List<Runnable>> afterCommit = ThreadLocal.withInitial(ArrayList::new);
		return new JdbcTransactionManager(dataSource) {
			@Override
			protected void prepareForCommit(DefaultTransactionStatus status) {
				afterCommit.remove();
				if (!status.isNewTransaction() || status.isReadOnly()) {
					return;
				}
				Connection connection = DataSourceUtils.getConnection(dataSource);
				for (CommitHook hook : commitHooks) {
					try {
						Runnable then = hook.beforeCommit(connection);
						if (then != null) {
							afterCommit.get().add(then);
						}
					}
					catch (SQLException ex) {
						afterCommit.remove();
						throw new TransactionSystemException("a commit hook failed", ex);
					}
				}
			}

			@Override
			protected void doCommit(DefaultTransactionStatus status) {
				List<Runnable> then = afterCommit.get();
				afterCommit.remove();
				super.doCommit(status);
				then.forEach(Runnable::run);
			}

			@Override
			protected void doCleanupAfterCompletion(Object transaction) {
				// A commit that never came (rollback-only, a failure) leaves nothing
				// behind.
				afterCommit.remove();
				super.doCleanupAfterCompletion(transaction);
			}

			@Override
			protected int determineTimeout(TransactionDefinition definition) {
				int own = super.determineTimeout(definition);
				OptionalLong left = RequestDeadline.secondsLeft();
				if (left.isEmpty()) {
					return own;
				}
				if (left.getAsLong() == 0) {
					throw new TransactionTimedOutException("the request has used up its time");
				}
				int seconds = (int) Math.min(left.getAsLong(), Integer.MAX_VALUE);
				return (own == TransactionDefinition.TIMEOUT_DEFAULT) ? seconds : Math.min(own, seconds);
			}
		};
	}

}
