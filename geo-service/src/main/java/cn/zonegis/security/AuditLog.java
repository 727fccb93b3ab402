package cn.zonegis.security;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who changed what, when. Services call it inside the transaction of the change, so a
 * change and its audit entry are stored together or not at all.
 */
@Component
public class AuditLog {

	private static final String INSERT = """
			INSERT INTO zonegis.audit_log (username, action, entity, entity_id, detail)
			VALUES (:username, :action, :entity, :entityId, :detail::jsonb)
			""";

	/** Many entries in one statement: one array per column, one row per element. */
	private static final String INSERT_ALL = """
			INSERT INTO zonegis.audit_log (username, action, entity, entity_id, detail)
			SELECT :username, e.action, :entity, e.entity_id, CAST(e.detail AS jsonb)
			FROM unnest(CAST(:actions AS text[]), CAST(:entityIds AS text[]), CAST(:details AS text[]))
				AS e(action, entity_id, detail)
			""";

	/** Every condition is optional; the newest entries come first. */
	private static final String SEARCH = """
			SELECT id, at, username, action, entity, entity_id, detail::text AS detail
			FROM zonegis.audit_log
			WHERE (CAST(:entity AS text) IS NULL OR entity = :entity)
				AND (CAST(:entityId AS text) IS NULL OR entity_id = :entityId)
				AND (CAST(:username AS text) IS NULL OR username = :username)
				AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)
				AND (CAST(:until AS timestamptz) IS NULL OR at < :until)
			ORDER BY at DESC, id DESC
			LIMIT :limit OFFSET :offset
			""";

	/**
	 * Members the current thread adds to every entry's detail: how a write came in, which
	 * the service that records it cannot see.
	 */
	private static final ThreadLocal<Map<String, Object>> NOTES = ThreadLocal.withInitial(LinkedHashMap::new);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
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
			.param("detail", withNotes(detailJson))
			.update();
	}

	/**
	 * The same entry as {@link #record}, written by the statement that makes the change
	 * (one of its {@code WITH} queries), so the change and its entry take one round trip
	 * to PostgreSQL: an {@code INSERT … SELECT … FROM source}, one entry per row of
	 * source. Its parameters are bound by {@link #bindEntry}.
	 * @param source the name of the query whose rows were changed
	 * @param entityId the SQL expression of a changed row's id in source
	 */
	public static String insertEntryFrom(String source, String entityId) {
		return insertFrom(source, entityId, "CAST(:auditDetail AS jsonb)");
	}

	/**
	 * {@link #insertEntryFrom} with a detail of each row's own: the SQL jsonb expression
	 * rowDetail over source, with the bound detail's members (and the thread's notes)
	 * added, so thousands of changes are audited without a JSON text each from Java.
	 */
	public static String insertEntriesFrom(String source, String entityId, String rowDetail) {
		return insertFrom(source, entityId, "(" + rowDetail + ") || CAST(:auditDetail AS jsonb)");
	}

	private static String insertFrom(String source, String entityId, String detail) {
		return """
				INSERT INTO zonegis.audit_log (username, action, entity, entity_id, detail)
				SELECT :auditUsername, :auditAction, :auditEntity, CAST(%s AS text), %s
				FROM %s""".formatted(entityId, detail, source);
	}

	/**
	 * Binds the parameters of {@link #insertEntryFrom} or {@link #insertEntriesFrom} to a
	 * statement, with the arguments of {@link #record} (for the latter, the members every
	 * row's detail gets, "{}" for none).
	 */
	public JdbcClient.StatementSpec bindEntry(JdbcClient.StatementSpec statement, String action, String entity,
			String detailJson) {
		return statement.param("auditUsername", currentUsername())
			.param("auditAction", action)
			.param("auditEntity", entity)
			.param("auditDetail", withNotes(detailJson));
	}

	/** The detail with the members {@link #noting} added on this thread. */
	private String withNotes(String detailJson) {
		Map<String, Object> notes = NOTES.get();
		if (notes.isEmpty()) {
			return detailJson;
		}
		ObjectNode detail = (detailJson == null) ? this.json.createObjectNode()
				: (ObjectNode) this.json.readTree(detailJson);
		notes.forEach((name, value) -> detail.set(name, this.json.valueToTree(value)));
		return detail.toString();
	}

	/**
	 * Runs a write and adds a member to the detail of every entry it records, e.g. that
	 * an OGC client wrote without If-Match.
	 */
	public <T> T noting(String name, Object value, Supplier<T> write) {
		Map<String, Object> notes = NOTES.get();
		notes.put(name, value);
		try {
			return write.get();
		}
		finally {
			notes.remove(name);
		}
	}

	/**
	 * Records many changes of one entity type at once, in one statement (an import of
	 * thousands of parcels).
	 */
	public void recordAll(String entity, List<Entry> entries) {
		this.jdbc.sql(INSERT_ALL)
			.param("username", currentUsername())
			.param("entity", entity)
			.param("actions", entries.stream().map(Entry::action).toArray(String[]::new))
			.param("entityIds",
					entries.stream()
						.map((e) -> (e.entityId() == null) ? null : e.entityId().toString())
						.toArray(String[]::new))
			.param("details", entries.stream().map((e) -> withNotes(e.detailJson())).toArray(String[]::new))
			.update();
	}

	/**
	 * One change for {@link #recordAll}: as the arguments of {@link #record}.
	 */
	public record Entry(String action, Object entityId, String detailJson) {
	}

	/**
	 * Entries about one object, by one user and within a time span, newest first.
	 * @param from first instant included, or null
	 * @param until first instant no longer included, or null
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> search(String entity, String entityId, String username, OffsetDateTime from,
			OffsetDateTime until, int limit, int offset) {
		return this.jdbc.sql(SEARCH)
			.param("entity", entity)
			.param("entityId", entityId)
			.param("username", username)
			.param("from", from)
			.param("until", until)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
					rs.getString("username"), rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
					(rs.getString("detail") == null) ? null : this.json.readTree(rs.getString("detail"))))
			.list();
	}

	/** The logged-in user's name, or "system" outside a request. */
	public static String currentUsername() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return (auth == null || !auth.isAuthenticated()) ? "system" : auth.getName();
	}

}
