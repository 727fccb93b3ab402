package cn.zonegis;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A row that a write is about to refer to. Asking for it before the write lets the write
 * name the property whose reference is missing, where the foreign key would fail with a
 * constraint violation naming nothing; holding it keeps it from being deleted before the
 * write commits.
 */
public final class ReferencedRows {

	private static final String HOLD = "SELECT 1 FROM zonegis.%s t WHERE t.id = :id FOR KEY SHARE";

	private ReferencedRows() {
	}

	/**
	 * Whether the table holds the row, which then stays until the transaction ends.
	 * @param table named by code, never by a request
	 */
	public static boolean hold(JdbcClient jdbc, String table, long id) {
		return jdbc.sql(HOLD.formatted(table)).param("id", id).query(Integer.class).optional().isPresent();
	}

}
