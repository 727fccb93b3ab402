package cn.zonegis.land;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for parcel_event: the lifecycle steps of each parcel. */
@Repository
class ParcelEventRepository {

	private static final String INSERT = """
			INSERT INTO zonegis.parcel_event (parcel_id, by_user, from_status, to_status, version, note)
			VALUES (:parcelId, :user, :from, :to, :version, :note)
			""";

	private static final String BY_PARCEL = """
			SELECT id, at, by_user, from_status, to_status, version, note
			FROM zonegis.parcel_event WHERE parcel_id = :parcelId ORDER BY at, id
			""";

	private final JdbcClient jdbc;

	ParcelEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long parcelId, ParcelLifecycle from, ParcelLifecycle to, int version, String note, String user) {
		this.jdbc.sql(INSERT)
			.param("parcelId", parcelId)
			.param("user", user)
			.param("from", from.code())
			.param("to", to.code())
			.param("version", version)
			.param("note", note)
			.update();
	}

	List<ParcelEvent> byParcel(long parcelId) {
		return this.jdbc.sql(BY_PARCEL)
			.param("parcelId", parcelId)
			.query((rs, i) -> new ParcelEvent(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
					rs.getString("by_user"), rs.getString("from_status"), rs.getString("to_status"),
					rs.getInt("version"), rs.getString("note")))
			.list();
	}

	/**
	 * One lifecycle step.
	 *
	 * @param version the parcel's version after the step
	 */
	record ParcelEvent(long id, OffsetDateTime at, String byUser, String fromStatus, String toStatus, int version,
			String note) {
	}

}
