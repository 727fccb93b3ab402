package cn.zonegis;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work a feature needs done around the commit of every read-write transaction, run by the
 * service's transaction manager (see {@link DatabaseConfig}).
 */
public interface CommitHook {

	/**
	 * Runs inside the transaction, on its connection, just before it commits.
	 * @return what to run once the commit has succeeded, or null for nothing
	 */
	Runnable beforeCommit(Connection connection) throws SQLException;

}
