package cn.zonegis.workorder;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Photos of a work order, stored as bytea beside the order. */
@Repository
class AttachmentRepository {

	private static final String INSERT = """
			INSERT INTO zonegis.work_order_attachment (work_order_id, filename, content_type, size_bytes, data, created_by)
			VALUES (:orderId, :filename, :contentType, :sizeBytes, :data, :username)
			RETURNING id
			""";

	private static final String OF_ORDER = """
			SELECT id, event_id, filename, content_type, size_bytes
			FROM zonegis.work_order_attachment WHERE work_order_id = :orderId ORDER BY id
			""";

	private static final String CONTENT = """
			SELECT content_type, data FROM zonegis.work_order_attachment WHERE work_order_id = :orderId AND id = :id
			""";

	/** Only photos uploaded for this order and not yet part of an event can join one. */
	private static final String LINK = """
			UPDATE zonegis.work_order_attachment SET event_id = :eventId
			WHERE work_order_id = :orderId AND id IN (:ids) AND event_id IS NULL
			""";

	private final JdbcClient jdbc;

	AttachmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long orderId, String filename, String contentType, byte[] data, String username) {
		return this.jdbc.sql(INSERT)
			.param("orderId", orderId)
			.param("filename", filename)
			.param("contentType", contentType)
			.param("sizeBytes", data.length)
			.param("data", data)
			.param("username", username)
			.query(Long.class)
			.single();
	}

	List<WorkOrderView.AttachmentView> ofOrder(long orderId) {
		return this.jdbc.sql(OF_ORDER)
			.param("orderId", orderId)
			.query((rs, i) -> view(orderId, rs.getLong("id"), rs.getObject("event_id", Long.class),
					rs.getString("filename"), rs.getString("content_type"), rs.getInt("size_bytes")))
			.list();
	}

	Optional<Content> content(long orderId, long id) {
		return this.jdbc.sql(CONTENT)
			.param("orderId", orderId)
			.param("id", id)
			.query((rs, i) -> new Content(rs.getString("content_type"), rs.getBytes("data")))
			.optional();
	}

	/** Attaches the photos to the event; returns how many could be attached. */
	int link(long orderId, long eventId, List<Long> ids) {
		return this.jdbc.sql(LINK).param("eventId", eventId).param("orderId", orderId).param("ids", ids).update();
	}

	static WorkOrderView.AttachmentView view(long orderId, long id, Long eventId, String filename, String contentType,
			int sizeBytes) {
		return new WorkOrderView.AttachmentView(id, eventId, filename, contentType, sizeBytes,
				"/api/workorders/" + orderId + "/attachments/" + id);
	}

	/** A photo's bytes and type. */
	record Content(String contentType, byte[] data) {
	}

}
