package cn.zonegis.workorder;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The counts behind the office's overview: a month of orders and the crews' workload. */
@Repository
class WorkOrderOverviewRepository {

	/**
	 * An order's completion is the last time it was reported completed; a rejected one
	 * has none until the crew completes it again. Orders due before now only are measured
	 * against the SLA: one due tomorrow has not failed it yet.
	 */
	private static final String MONTH = """
			SELECT t.kind,
				count(*) FILTER (WHERE t.created_at >= :from AND t.created_at < :to) AS opened,
				count(*) FILTER (WHERE t.state IN (%1$s) AND d.done_at >= :from AND d.done_at < :to) AS closed,
				count(*) FILTER (WHERE %2$s) AS due,
				count(*) FILTER (WHERE %2$s AND t.state IN (%1$s) AND d.done_at <= t.due_at) AS met_sla
			FROM zonegis.work_order t
				LEFT JOIN LATERAL (SELECT max(e.at) AS done_at FROM zonegis.work_order_event e
					WHERE e.work_order_id = t.id AND e.to_state = 'completed') d ON TRUE
			WHERE (t.created_at >= :from AND t.created_at < :to) OR (t.due_at >= :from AND t.due_at < :to)
				OR (d.done_at >= :from AND d.done_at < :to)
			GROUP BY t.kind
			""".formatted(WorkOrderLifecycle.sqlList(WorkOrderLifecycle.done()),
			"t.state <> 'cancelled' AND t.due_at >= :from AND t.due_at < least(:to, now())");

	private static final String WORKLOAD = """
			SELECT c.id, c.name, c.active, t.state, count(t.id) AS orders, count(t.id) FILTER (WHERE %s) AS overdue
			FROM zonegis.crew c
				LEFT JOIN zonegis.work_order t ON t.crew_id = c.id AND t.state IN (%s)
			GROUP BY c.id, c.name, c.active, t.state
			HAVING c.active OR count(t.id) > 0
			ORDER BY c.name, c.id
			""".formatted(WorkOrderCollections.OVERDUE, WorkOrderLifecycle.sqlList(WorkOrderLifecycle.withCrew()));

	private final JdbcClient jdbc;

	WorkOrderOverviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts per kind that has any order in the period; kinds without any are absent. */
	Map<String, long[]> month(OffsetDateTime from, OffsetDateTime to) {
		Map<String, long[]> byKind = new LinkedHashMap<>();
		this.jdbc.sql(MONTH).param("from", from).param("to", to).query((rs) -> {
			byKind.put(rs.getString("kind"), new long[] { rs.getLong("opened"), rs.getLong("closed"), rs.getLong("due"),
					rs.getLong("met_sla") });
		});
		return byKind;
	}

	/**
	 * Each crew's open orders, ordered by crew name: one row per crew and open state,
	 * with a null state for an active crew that holds none.
	 */
	List<WorkloadRow> workload() {
		return this.jdbc.sql(WORKLOAD)
			.query((rs, i) -> new WorkloadRow(rs.getLong("id"), rs.getString("name"), rs.getBoolean("active"),
					rs.getString("state"), rs.getLong("orders"), rs.getLong("overdue")))
			.list();
	}

	record WorkloadRow(long crewId, String name, boolean active, String state, long orders, long overdue) {
	}

}
