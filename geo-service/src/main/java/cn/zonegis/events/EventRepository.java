package cn.zonegis.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import cn.zonegis.CommitHook;
import cn.zonegis.security.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the change_event table (migration V80). */
@Repository
class EventRepository {

	static final String CHANNEL = "zonegis_events";

	/** One key for every writer of change events, so their ids grow in commit order. */
	private static final long COMMIT_ORDER_LOCK = 0x7a67_6576_656e_7473L;

	/**
	 * A transaction's events in one query: the lock first, then one row per event in the
	 * order given, then the NOTIFY naming the last id.
	 */
	private static final String INSERT_IN_COMMIT_ORDER = """
			WITH locked AS MATERIALIZED (SELECT pg_advisory_xact_lock(?)),
			inserted AS (
				INSERT INTO zonegis.change_event (type, subject_id, data, actor, audience_roles, audience_crew)
				SELECT e.type, e.subject_id, CAST(e.data AS jsonb), e.actor, CAST(e.roles AS text[]), e.crew_id
				FROM locked, unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]),
					CAST(? AS text[]), CAST(? AS bigint[]))
					WITH ORDINALITY AS e(type, subject_id, data, actor, roles, crew_id, n)
				ORDER BY e.n
				RETURNING id)
			SELECT pg_notify(?, max(id)::text) FROM inserted""";

	private static final String AFTER = """
			SELECT id, type, subject_id, data::text AS data, actor, audience_roles, audience_crew, created_at
			FROM zonegis.change_event
			WHERE id > :after
			ORDER BY id
			LIMIT :limit
			""";

	private static final String LATEST = "SELECT coalesce(max(id), 0) FROM zonegis.change_event";

	private static final String PRUNE = """
			DELETE FROM zonegis.change_event WHERE created_at < now() - make_interval(secs => :seconds)
			""";

	private final JdbcClient jdbc;

	EventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The query that writes a transaction's events, for the round trip of its commit;
	 * their ids are taken under a lock held until the commit, so ids grow in commit
	 * order.
	 */
	CommitHook.CommitQuery insertInCommitOrder(List<NewEvent> events) {
		return new CommitHook.CommitQuery(INSERT_IN_COMMIT_ORDER,
				Arrays.asList(COMMIT_ORDER_LOCK, events.stream().map(NewEvent::type).toArray(String[]::new),
						events.stream().map(NewEvent::subjectId).toArray(Long[]::new),
						events.stream().map(NewEvent::data).toArray(String[]::new),
						events.stream().map(NewEvent::actor).toArray(String[]::new),
						events.stream().map(EventRepository::rolesArray).toArray(String[]::new),
						events.stream().map((e) -> e.audience().crewId()).toArray(Long[]::new), CHANNEL),
				(rows) -> null);
	}

	/** The audience's roles as a PostgreSQL array literal. */
	private static String rolesArray(NewEvent event) {
		return "{" + String.join(",", event.audience().roles().stream().map(Role::name).toList()) + "}";
	}

	/** The events after that id, oldest first, at most limit of them. */
	List<ChangeEvent> after(long id, int limit) {
		return this.jdbc.sql(AFTER).param("after", id).param("limit", limit).query(EventRepository::map).list();
	}

	long latestId() {
		return this.jdbc.sql(LATEST).query(Long.class).single();
	}

	int prune(Duration olderThan) {
		return this.jdbc.sql(PRUNE).param("seconds", olderThan.toSeconds()).update();
	}

	private static ChangeEvent map(ResultSet rs, int row) throws SQLException {
		String[] roles = (String[]) rs.getArray("audience_roles").getArray();
		return new ChangeEvent(rs.getLong("id"), rs.getString("type"), rs.getLong("subject_id"), rs.getString("data"),
				rs.getString("actor"), Set.of(roles), rs.getObject("audience_crew", Long.class),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	/** An event waiting for its transaction's commit. */
	record NewEvent(String type, long subjectId, String data, String actor, Audience audience) {
	}

}
