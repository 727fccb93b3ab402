package cn.zonegis.document;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for issued red-line drawings: written once, read many times, never changed. */
@Repository
class RedLineDrawingRepository {

	private static final String INSERT = """
			INSERT INTO zonegis.red_line_drawing (parcel_id, parcel_version, drawing_number, pdf, sha256, issued_at,
				issued_by)
			VALUES (:parcelId, :parcelVersion, :drawingNumber, :pdf, :sha256, :issuedAt, :issuedBy)
			RETURNING id
			""";

	private static final String COLUMNS = """
			SELECT id, parcel_id, parcel_version, drawing_number, sha256, issued_at, issued_by, octet_length(pdf) AS size
			FROM zonegis.red_line_drawing
			""";

	private static final String BY_PARCEL = COLUMNS + " WHERE parcel_id = :parcelId ORDER BY parcel_version DESC";

	private static final String BY_VERSION = COLUMNS + " WHERE parcel_id = :parcelId AND parcel_version = :version";

	private static final String LATEST_BY_PARCELS = """
			SELECT DISTINCT ON (parcel_id) id, parcel_id, parcel_version, drawing_number, sha256, issued_at, issued_by,
				octet_length(pdf) AS size
			FROM zonegis.red_line_drawing WHERE parcel_id IN (:parcelIds)
			ORDER BY parcel_id, parcel_version DESC
			""";

	private static final String PDF = """
			SELECT pdf FROM zonegis.red_line_drawing WHERE id = :id AND parcel_id = :parcelId
			""";

	private final JdbcClient jdbc;

	RedLineDrawingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long parcelId, int parcelVersion, String drawingNumber, byte[] pdf, String sha256,
			OffsetDateTime issuedAt, String issuedBy) {
		return this.jdbc.sql(INSERT)
			.param("parcelId", parcelId)
			.param("parcelVersion", parcelVersion)
			.param("drawingNumber", drawingNumber)
			.param("pdf", pdf)
			.param("sha256", sha256)
			.param("issuedAt", issuedAt)
			.param("issuedBy", issuedBy)
			.query(Long.class)
			.single();
	}

	List<IssuedDrawing> byParcel(long parcelId) {
		return this.jdbc.sql(BY_PARCEL).param("parcelId", parcelId).query(IssuedDrawing.class).list();
	}

	Optional<IssuedDrawing> byVersion(long parcelId, int version) {
		return this.jdbc.sql(BY_VERSION)
			.param("parcelId", parcelId)
			.param("version", version)
			.query(IssuedDrawing.class)
			.optional();
	}

	/** The newest issued drawing of each of these parcels that has one. */
	List<IssuedDrawing> latestOf(Collection<Long> parcelIds) {
		if (parcelIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(LATEST_BY_PARCELS).param("parcelIds", parcelIds).query(IssuedDrawing.class).list();
	}

	Optional<byte[]> pdf(long parcelId, long id) {
		return this.jdbc.sql(PDF).param("id", id).param("parcelId", parcelId).query(byte[].class).optional();
	}

}
