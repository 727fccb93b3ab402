package cn.zonegis.workorder;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zonegis.geo.SridSql;
import cn.zonegis.security.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One work order at a time: insert, read (optionally locked), change state, its events
 * and findings.
 * <p>
 * Parameters that may be null are bound with their SQL type. An untyped null makes the
 * driver prepare the statement anew whenever it alternates with a value, and PostgreSQL
 * then plans it again on every call: a fifth of its work in a work-order cycle.
 */
@Repository
class WorkOrderRepository {

	/** An order as the API shows it, from rows named t (work_order) and c (crew). */
	private static final String VIEW = """
			SELECT t.id, t.code, t.kind, t.priority, t.state, t.description, t.asset_type, t.asset_id, t.enterprise_id,
				t.inspection_id, t.inspection_kind, t.reinspection_of, t.rectified_on_spot, t.crew_id, c.name AS crew_name, t.reported_by, t.due_at, %s AS overdue, t.quantity,
				t.quantity_unit, ST_X(t.geom) AS lon, ST_Y(t.geom) AS lat, t.version, t.created_at, t.updated_at
			"""
		.formatted(WorkOrderCollections.OVERDUE);

	/**
	 * Stores a new order with its first event and its audit entry and answers it as the
	 * API shows it, in one statement (one round trip). The code is the year and the id
	 * (at least 4 digits, never cut), so it is unique without a second sequence.
	 */
	private static final String INSERT = SridSql.storage(
			"""
					WITH n AS (SELECT nextval(pg_get_serial_sequence('zonegis.work_order', 'id')) AS id),
					t AS (
					INSERT INTO zonegis.work_order (id, code, kind, priority, description, asset_type, asset_id, enterprise_id,
						inspection_id, inspection_kind, reinspection_of, rectified_on_spot, reported_by, due_at, geom, created_by,
						updated_by)
					SELECT n.id, 'GD-' || to_char(now(), 'YYYY') || '-' || lpad(n.id::text, greatest(4, length(n.id::text)), '0'),
						:kind, :priority,
						:description, :assetType, :assetId, :enterpriseId, :inspectionId, :inspectionKind, :reinspectionOf,
						:rectifiedOnSpot, :username,
						now() + make_interval(secs => :slaSeconds), ST_SetSRID(ST_MakePoint(:lon, :lat), {storageSrid}), :username, :username
					FROM n
					RETURNING *),
					e AS (
					INSERT INTO zonegis.work_order_event (work_order_id, by_user, from_state, to_state, note, geom)
					SELECT t.id, :username, NULL, :state, t.description, t.geom FROM t),
					a AS (%s)
					"""
				.formatted(AuditLog.insertEntryFrom("t", "t.id")))
			+ VIEW + "FROM t LEFT JOIN zonegis.crew c ON c.id = t.crew_id";

	private static final String SELECT = VIEW + """
			FROM zonegis.work_order t LEFT JOIN zonegis.crew c ON c.id = t.crew_id
			WHERE t.id = :id
			""";

	/**
	 * Marks the orders that are overdue and not yet announced; one instance's check takes
	 * each.
	 */
	private static final String NOTICE_OVERDUE = """
			INSERT INTO zonegis.work_order_overdue_notice (work_order_id)
			SELECT t.id FROM zonegis.work_order t
			WHERE %s AND NOT EXISTS (SELECT 1 FROM zonegis.work_order_overdue_notice n WHERE n.work_order_id = t.id)
			ON CONFLICT DO NOTHING
			RETURNING work_order_id
			""".formatted(WorkOrderCollections.OVERDUE);

	/**
	 * Moves an order of a known version, records the step's event and audit entry, and
	 * answers the order as the API shows it with the event's id, in one statement (one
	 * round trip); no row when the version moved meanwhile, and then nothing is written.
	 */
	private static final String STEP = SridSql.storage("""
			WITH t AS (
			UPDATE zonegis.work_order
			SET state = :state, crew_id = :crewId, quantity = :quantity, quantity_unit = :quantityUnit,
				version = version + 1, updated_at = now(), updated_by = :username
			WHERE id = :id AND version = :version
			RETURNING *),
			e AS (
			INSERT INTO zonegis.work_order_event (work_order_id, by_user, from_state, to_state, note, geom)
			SELECT t.id, :username, :fromState, t.state, :note,
				ST_SetSRID(ST_MakePoint(CAST(:lon AS double precision), CAST(:lat AS double precision)), {storageSrid})
			FROM t
			RETURNING id),
			a AS (%s)
			""".formatted(AuditLog.insertEntryFrom("t", "t.id"))) + VIEW
			+ ", e.id AS event_id FROM t CROSS JOIN e LEFT JOIN zonegis.crew c ON c.id = t.crew_id";

	private static final String EVENTS = """
			SELECT e.id, e.at, e.by_user, e.from_state, e.to_state, e.note, ST_X(e.geom) AS lon, ST_Y(e.geom) AS lat
			FROM zonegis.work_order_event e
			WHERE e.work_order_id = :orderId
			ORDER BY e.at, e.id
			""";

	private static final String FINDINGS = """
			SELECT id, code, kind, state FROM zonegis.work_order WHERE inspection_id = :inspectionId ORDER BY id
			""";

	private static final String OPEN_ON = """
			SELECT code FROM zonegis.work_order
			WHERE asset_type = :assetType AND asset_id = :assetId AND kind IN (:kinds) AND state NOT IN (:settled)
			ORDER BY id LIMIT 1
			""";

	private static final String WORK_KINDS = """
			SELECT code, category, name_zh, name_en, unit FROM zonegis.work_kind ORDER BY position
			""";

	private static final String DELETE_WORK_DONE = "DELETE FROM zonegis.work_quantity WHERE work_order_id = :orderId";

	private static final String INSERT_WORK_DONE = """
			INSERT INTO zonegis.work_quantity (work_order_id, work_kind, amount) VALUES (:orderId, :workKind, :amount)
			""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	WorkOrderRepository(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Stores the new order, its first event (the order's description, at its point) and
	 * its audit entry; the order as the API shows it.
	 */
	WorkOrderView insert(NewWorkOrder order, Duration sla, String username, String auditAction, String auditDetail) {
		JdbcClient.StatementSpec insert = this.jdbc.sql(INSERT)
			.param("kind", order.kind().value())
			.param("priority", order.priority().value())
			.param("description", order.description())
			.param("assetType", order.assetType(), Types.VARCHAR)
			.param("assetId", order.assetId(), Types.BIGINT)
			.param("enterpriseId", order.enterpriseId(), Types.BIGINT)
			.param("inspectionId", order.inspectionId(), Types.BIGINT)
			.param("inspectionKind", order.inspectionKind(), Types.VARCHAR)
			.param("reinspectionOf", order.reinspectionOf(), Types.BIGINT)
			.param("rectifiedOnSpot", order.rectifiedOnSpot())
			.param("username", username)
			.param("slaSeconds", (double) sla.toSeconds())
			.param("lon", order.lon())
			.param("lat", order.lat())
			.param("state", WorkOrderLifecycle.NEW.value());
		return this.audit.bindEntry(insert, auditAction, "work_order", auditDetail)
			.query(WorkOrderRepository::map)
			.single();
	}

	Optional<WorkOrderView> find(long id, boolean lock) {
		return this.jdbc.sql(lock ? SELECT + " FOR UPDATE OF t" : SELECT)
			.param("id", id)
			.query(WorkOrderRepository::map)
			.optional();
	}

	/** The ids of the orders that became overdue since the last call, each once. */
	List<Long> noticeOverdue() {
		return this.jdbc.sql(NOTICE_OVERDUE).query(Long.class).list();
	}

	/**
	 * Takes a step: the new state and what goes with it, the step's event and its audit
	 * entry (action: the new state); the order as it is now with the event, or empty when
	 * the version moved meanwhile.
	 */
	Optional<Step> step(WorkOrderView order, WorkOrderLifecycle to, Long crewId, BigDecimal quantity,
			String quantityUnit, String note, LonLat at, String username, String auditDetail) {
		JdbcClient.StatementSpec step = this.jdbc.sql(STEP)
			.param("state", to.value())
			.param("crewId", crewId, Types.BIGINT)
			.param("quantity", quantity, Types.NUMERIC)
			.param("quantityUnit", quantityUnit, Types.VARCHAR)
			.param("username", username)
			.param("id", order.id())
			.param("version", order.version())
			.param("fromState", order.state())
			.param("note", note, Types.VARCHAR)
			.param("lon", (at == null) ? null : at.lon(), Types.DOUBLE)
			.param("lat", (at == null) ? null : at.lat(), Types.DOUBLE);
		return this.audit.bindEntry(step, to.value(), "work_order", auditDetail)
			.query((rs, row) -> new Step(map(rs, row), rs.getLong("event_id")))
			.optional();
	}

	List<WorkOrderView.EventView> events(long orderId, List<WorkOrderView.AttachmentView> attachments) {
		return this.jdbc.sql(EVENTS).param("orderId", orderId).query((rs, i) -> {
			long eventId = rs.getLong("id");
			Double lon = rs.getObject("lon", Double.class);
			return new WorkOrderView.EventView(eventId, rs.getObject("at", OffsetDateTime.class),
					rs.getString("by_user"), rs.getString("from_state"), rs.getString("to_state"), rs.getString("note"),
					(lon == null) ? null : new LonLat(lon, rs.getDouble("lat")),
					attachments.stream().filter((a) -> a.eventId() != null && a.eventId() == eventId).toList());
		}).list();
	}

	List<WorkOrderView.FindingView> findings(long inspectionId) {
		return this.jdbc.sql(FINDINGS)
			.param("inspectionId", inspectionId)
			.query((rs, i) -> new WorkOrderView.FindingView(rs.getLong("id"), rs.getString("code"),
					rs.getString("kind"), rs.getString("state")))
			.list();
	}

	/**
	 * The code of the oldest order of those kinds on the asset that is not settled yet,
	 * or empty when there is none.
	 */
	Optional<String> openOn(String assetType, long assetId, Collection<WorkOrderKind> kinds) {
		return this.jdbc.sql(OPEN_ON)
			.param("assetType", assetType)
			.param("assetId", assetId)
			.param("kinds", kinds.stream().map(WorkOrderKind::value).toList())
			.param("settled", WorkOrderLifecycle.valuesOf(WorkOrderLifecycle.settled()))
			.query(String.class)
			.optional();
	}

	/** The work kind catalogue, in the report's order. */
	List<WorkKind> workKinds() {
		return this.jdbc.sql(WORK_KINDS)
			.query((rs, i) -> new WorkKind(rs.getString("code"), rs.getString("category"), rs.getString("name_zh"),
					rs.getString("name_en"), rs.getString("unit")))
			.list();
	}

	/** Each kind of work of the catalogue and its unit. */
	Map<String, String> workKindUnits() {
		Map<String, String> units = new LinkedHashMap<>();
		workKinds().forEach((k) -> units.put(k.code(), k.unit()));
		return units;
	}

	/**
	 * Replaces the work an order records (completing again after a rejection restates
	 * it).
	 */
	void replaceWorkDone(long orderId, List<TransitionRequest.WorkDone> workDone) {
		this.jdbc.sql(DELETE_WORK_DONE).param("orderId", orderId).update();
		for (TransitionRequest.WorkDone work : workDone) {
			this.jdbc.sql(INSERT_WORK_DONE)
				.param("orderId", orderId)
				.param("workKind", work.workKind())
				.param("amount", work.amount())
				.update();
		}
	}

	private static WorkOrderView map(ResultSet rs, int row) throws SQLException {
		return new WorkOrderView(rs.getLong("id"), rs.getString("code"), rs.getString("kind"), rs.getString("priority"),
				rs.getString("state"), rs.getString("description"), rs.getString("asset_type"),
				rs.getObject("asset_id", Long.class), rs.getObject("enterprise_id", Long.class),
				rs.getObject("inspection_id", Long.class), rs.getString("inspection_kind"),
				rs.getObject("reinspection_of", Long.class), rs.getBoolean("rectified_on_spot"),
				rs.getObject("crew_id", Long.class), rs.getString("crew_name"), rs.getString("reported_by"),
				rs.getObject("due_at", OffsetDateTime.class), rs.getBoolean("overdue"), rs.getBigDecimal("quantity"),
				rs.getString("quantity_unit"), new LonLat(rs.getDouble("lon"), rs.getDouble("lat")),
				rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), null, null);
	}

	/** An order just moved, and the id of the event that records the step. */
	record Step(WorkOrderView order, long eventId) {
	}

	/** What a new order stores, checked and with its point resolved. */
	record NewWorkOrder(WorkOrderKind kind, WorkOrderPriority priority, String description, String assetType,
			Long assetId, Long enterpriseId, Long inspectionId, String inspectionKind, Long reinspectionOf,
			boolean rectifiedOnSpot, double lon, double lat) {
	}

}
