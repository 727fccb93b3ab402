package cn.zonegis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
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
	 * {@link RequestDeadline}); each read-write one sends the {@link CommitHook}s'
	 * queries and its COMMIT to PostgreSQL in one round trip, then runs what they leave
	 * to do.
	 */
	@Bean
	JdbcTransactionManager transactionManager(DataSource dataSource, ObjectProvider<CommitHook> commitHooks) {
		ThreadLocal<List<CommitHook.CommitQuery>> atCommit = ThreadLocal.withInitial(ArrayList::new);
		return new JdbcTransactionManager(dataSource) {
			@Override
			protected void prepareForCommit(DefaultTransactionStatus status) {
				atCommit.remove();
				if (!status.isNewTransaction() || status.isReadOnly()) {
					return;
				}
				for (CommitHook hook : commitHooks) {
					CommitHook.CommitQuery query = hook.beforeCommit();
					if (query != null) {
						atCommit.get().add(query);
					}
				}
			}

			@Override
			protected void doCommit(DefaultTransactionStatus status) {
				List<CommitHook.CommitQuery> queries = atCommit.get();
				atCommit.remove();
				if (queries.isEmpty()) {
					super.doCommit(status);
					return;
				}
				Connection connection = ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder()
					.getConnection();
				List<Runnable> then;
				try {
					then = commitWith(connection, queries);
				}
				catch (SQLException ex) {
					throw translateException("JDBC commit", ex);
				}
				// Already committed in that round trip: the driver sends nothing more.
				super.doCommit(status);
				then.forEach(Runnable::run);
			}

			@Override
			protected void doCleanupAfterCompletion(Object transaction) {
				// A commit that never came (rollback-only, a failure) leaves nothing
				// behind.
				atCommit.remove();
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

	/**
	 * The queries and the COMMIT as one multi-statement string, which pgjdbc sends in one
	 * round trip (one Sync); an error in any query leaves the rest unrun and the
	 * transaction to be rolled back.
	 * @return what the queries leave to run after the commit
	 */
	static List<Runnable> commitWith(Connection connection, List<CommitHook.CommitQuery> queries) throws SQLException {
		String sql = queries.stream()
			.map(CommitHook.CommitQuery::sql)
			.collect(Collectors.joining(";\n", "", ";\nCOMMIT"));
		List<Runnable> then = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			int index = 1;
			for (CommitHook.CommitQuery query : queries) {
				for (Object parameter : query.parameters()) {
					statement.setObject(index++, parameter);
				}
			}
			statement.execute();
			for (CommitHook.CommitQuery query : queries) {
				try (ResultSet rows = statement.getResultSet()) {
					Runnable after = query.then().read(rows);
					if (after != null) {
						then.add(after);
					}
				}
				statement.getMoreResults();
			}
		}
		return then;
	}

}
