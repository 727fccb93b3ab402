package cn.zonegis.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who changed what, when. Services call it inside the transaction of the change, so a change
 * and its audit entry are stored together or not at all.
 */
@Component
public class AuditLog {

	private static final String INSERT = """
			INSERT INTO zonegis.audit_log (username, action, entity, entity_id, detail)
			VALUES (:username, :action, :entity, :entityId, :detail::jsonb)
			""";

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param action the office's verb (create, update, transfer, dispatch…)
	 * @param entity the table
	 * @param entityId the row
	 * @param detailJson a JSON object with what changed, or null
	 */
	public void record(String action, String entity, Object entityId, String detailJson) {
		this.jdbc.sql(INSERT)
			.param("username", currentUsername())
			.param("action", action)
			.param("entity", entity)
			.param("entityId", entityId == null ? null : entityId.toString())
			.param("detail", detailJson)
			.update();
	}

	/** The logged-in user's name, or "system" outside a request. */
	public static String currentUsername() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return (auth == null || !auth.isAuthenticated()) ? "system" : auth.getName();
	}

}
