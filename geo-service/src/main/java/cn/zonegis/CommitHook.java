package cn.zonegis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Work a feature needs done at the commit of every read-write transaction, run by the
 * service's transaction manager (see {@link DatabaseConfig}): a query sent to PostgreSQL
 * together with the COMMIT, in the same round trip, and what to do with its rows once the
 * commit has succeeded.
 */
public interface CommitHook {

	/**
	 * Called inside the transaction, just before it commits.
	 * @return the query to run just before the COMMIT, or null for nothing
	 */
	CommitQuery beforeCommit();

	/**
	 * A query run as the transaction's last statement, in the round trip of its COMMIT.
	 *
	 * @param sql one statement that returns rows (a SELECT, or a WITH query ending in
	 * one), its parameters written {@code ?}
	 * @param parameters the parameters in order, as {@code PreparedStatement.setObject}
	 * takes them
	 * @param then reads its rows; what it returns runs once the commit has succeeded
	 */
	record CommitQuery(String sql, List<Object> parameters, RowsReader then) {
	}

	/** What a {@link CommitQuery} does with its rows. */
	@FunctionalInterface
	interface RowsReader {

		/**
		 * @return what to run once the commit has succeeded, or null for nothing
		 */
		Runnable read(ResultSet rows) throws SQLException;

	}

}
