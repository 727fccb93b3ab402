package cn.zonegis.land;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.zonegis.geo.GeometryRepair;
import cn.zonegis.geo.MeasureSql;
import cn.zonegis.geo.SridSql;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** SQL for parcels: the row, its measures, overlaps with active neighbours, history. */
@Repository
class ParcelRepository {

	/** Official measures over alias t, computed by PostGIS in the measuring CRS. */
	static final String MEASURES = String.join(",\n", MeasureSql.AREA_M2 + " AS area_m2",
			MeasureSql.AREA_MU + " AS area_mu", MeasureSql.AREA_HA + " AS area_ha",
			MeasureSql.PERIMETER_M + " AS perimeter_m", MeasureSql.ELLIPSOIDAL_AREA_M2 + " AS ellipsoidal_area_m2");

	private static final String FIND = """
			SELECT t.id, t.code, t.name, t.land_use, t.land_class_code, t.holder, t.status, t.status_changed_at,
				t.surveyed_area_m2, t.note, t.version, t.created_at, t.created_by, t.updated_at, t.updated_by,
				ST_AsGeoJSON(t.geom, 9, 0) AS geometry, -- 9 decimals (0.1 mm): a read-modify-write moves no vertex
				%s
			FROM zonegis.parcel t WHERE t.id = :id
			""".formatted(MEASURES);

	private static final String LOCK = """
			SELECT t.id, t.code, t.status, t.version FROM zonegis.parcel t WHERE t.id = :id FOR UPDATE
			""";

	/**
	 * One queue for every write that can create or move an active red line (create,
	 * replace, split, clip, import, OGC edits), held until commit: the overlap check and
	 * the write it allows see no other red-line change in between. An advisory lock
	 * rather than SERIALIZABLE: the overlap search reads through the GiST index, whose
	 * coarse predicate locks would fail unrelated writers too and need a retry around
	 * every path, while red-line writes are few and short enough to queue.
	 */
	private static final String HOLD_RED_LINES = """
			SELECT pg_advisory_xact_lock(hashtextextended('zonegis.parcel red lines', 0))
			""";

	private static final String ID_BY_CODE = "SELECT id FROM zonegis.parcel WHERE code = :code";

	private static final String STATUS_STATS = """
			SELECT t.status, count(*) AS parcels, round(sum(%s), 2) AS area_mu
			FROM zonegis.parcel t GROUP BY t.status
			""".formatted(MeasureSql.AREA_MU);

	private static final String INSERT = SridSql.storage("""
			INSERT INTO zonegis.parcel (code, name, land_use, land_class_code, holder, surveyed_area_m2, note, geom,
				status, created_by, updated_by)
			VALUES (:code, :name, :landUse, :landClassCode, :holder, :surveyedAreaM2, :note,
				ST_Multi(ST_GeomFromWKB(:wkb, {storageSrid})), :status, :user, :user)
			RETURNING id
			""");

	private static final String UPDATE = SridSql.storage("""
			UPDATE zonegis.parcel SET code = :code, name = :name, land_use = :landUse, land_class_code = :landClassCode,
				holder = :holder, surveyed_area_m2 = :surveyedAreaM2, note = :note,
				geom = ST_Multi(ST_GeomFromWKB(:wkb, {storageSrid})),
				version = version + 1, updated_at = now(), updated_by = :user
			WHERE id = :id
			""");

	private static final String SET_STATUS = """
			UPDATE zonegis.parcel SET status = :status, status_changed_at = now(),
				version = version + 1, updated_at = now(), updated_by = :user
			WHERE id = :id
			""";

	private static final String MARK_SPLIT_FROM = "UPDATE zonegis.parcel SET split_from = :original WHERE id IN (:pieces)";

	/**
	 * The row as it is now becomes history: valid from its last change until this one.
	 */
	private static final String ARCHIVE = """
			INSERT INTO zonegis.parcel_history (parcel_id, version, code, name, land_use, land_class_code, holder,
				status, surveyed_area_m2, note, geom, valid_from, valid_to, changed_by, replaced_by)
			SELECT id, version, code, name, land_use, land_class_code, holder, status, surveyed_area_m2, note, geom,
				updated_at, now(), updated_by, :user
			FROM zonegis.parcel WHERE id = :id
			""";

	/**
	 * The parcel's pieces either side of the line, west to east then south to north, so
	 * codes follow the map.
	 */
	private static final String SPLIT = SridSql.storage("""
			SELECT ST_AsBinary(ST_Multi(d.geom)) AS wkb
			FROM zonegis.parcel p,
				ST_Dump(ST_CollectionExtract(ST_Split(p.geom, ST_GeomFromWKB(:line, {storageSrid})), 3)) d
			WHERE p.id = :id
			ORDER BY ST_XMin(d.geom), ST_YMin(d.geom)
			""");

	/**
	 * Transform the query shape, never the stored column, so the GiST index on
	 * parcel.geom is used.
	 */
	private static final String OVERLAPS = """
			WITH o AS (
				SELECT p.id, p.code, ST_CollectionExtract(ST_Intersection(p.geom, r.geom), 3) AS geom
				FROM zonegis.parcel p, (SELECT ST_GeomFromWKB(:wkb, {storageSrid}) AS geom) r
				WHERE ST_Intersects(p.geom, r.geom) AND p.status NOT IN (:ended) AND p.id <> :excludeId
			),
			m AS (SELECT o.*, ST_Area(ST_Transform(o.geom, {measureSrid})) AS overlap_m2 FROM o WHERE NOT ST_IsEmpty(o.geom))
			SELECT id, code, overlap_m2, ST_AsGeoJSON(geom, 9, 0) AS overlap,
				ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
			FROM m WHERE overlap_m2 > :toleranceM2
			ORDER BY overlap_m2 DESC
			""";

	private static final String CLIP = """
			WITH r AS (SELECT ST_GeomFromWKB(:wkb, {storageSrid}) AS geom),
			n AS (
				SELECT p.code, p.geom FROM zonegis.parcel p, r
				WHERE ST_Intersects(p.geom, r.geom) AND p.status NOT IN (:ended) AND p.id <> :excludeId
					AND NOT ST_IsEmpty(ST_CollectionExtract(ST_Intersection(p.geom, r.geom), 3))
			),
			d AS (SELECT ST_Multi(ST_CollectionExtract(ST_Difference(r.geom, (SELECT ST_Union(geom) FROM n)), 3)) AS geom FROM r)
			SELECT ARRAY(SELECT code FROM n ORDER BY code) AS codes, ST_AsBinary(d.geom) AS wkb,
				ST_Area(ST_Transform(r.geom, {measureSrid})) AS before_m2,
				coalesce(ST_Area(ST_Transform(d.geom, {measureSrid})), 0) AS after_m2
			FROM r, d
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final SridSql srids;

	ParcelRepository(JdbcClient jdbc, JsonMapper json, SridSql srids) {
		this.jdbc = jdbc;
		this.json = json;
		this.srids = srids;
	}

	Optional<ParcelView> find(long id) {
		return this.jdbc.sql(this.srids.render(FIND)).param("id", id).query(this::view).optional();
	}

	Optional<Locked> lock(long id) {
		return this.jdbc.sql(LOCK)
			.param("id", id)
			.query((rs, i) -> new Locked(rs.getLong("id"), rs.getString("code"),
					ParcelLifecycle.fromCode(rs.getString("status")).orElseThrow(), rs.getInt("version")))
			.optional();
	}

	/**
	 * Waits for and takes the red-line lock until this transaction ends (there must be
	 * one).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void holdRedLines() {
		this.jdbc.sql(HOLD_RED_LINES).query().singleRow();
	}

	Optional<Long> idByCode(String code) {
		return this.jdbc.sql(ID_BY_CODE).param("code", code).query(Long.class).optional();
	}

	long insert(ParcelDraft draft, String note, MultiPolygon geometry, ParcelLifecycle status, String user) {
		DraftParams params = new DraftParams(draft, note, GeometryRepair.wkb(geometry), user, 0);
		params.addValue("status", status.code());
		return this.jdbc.sql(INSERT).paramSource(params).query(Long.class).single();
	}

	/** The stored boundary cut by the line: one piece when the line does not cross it. */
	List<MultiPolygon> split(long id, LineString line) {
		return this.jdbc.sql(SPLIT)
			.param("id", id)
			.param("line", GeometryRepair.wkb(line))
			.query((rs, i) -> GeometryRepair.read(rs.getBytes("wkb")))
			.list();
	}

	void update(long id, ParcelDraft draft, String note, MultiPolygon geometry, String user) {
		this.jdbc.sql(UPDATE)
			.paramSource(new DraftParams(draft, note, GeometryRepair.wkb(geometry), user, id))
			.update();
	}

	/** Links the pieces of a split to the parcel they were cut from. */
	void markSplitFrom(List<Long> pieces, long original) {
		this.jdbc.sql(MARK_SPLIT_FROM).param("pieces", pieces).param("original", original).update();
	}

	void setStatus(long id, ParcelLifecycle status, String user) {
		this.jdbc.sql(SET_STATUS).param("id", id).param("status", status.code()).param("user", user).update();
	}

	void archive(long id, String user) {
		this.jdbc.sql(ARCHIVE).param("id", id).param("user", user).update();
	}

	/**
	 * Active parcels other than excludeId that share more than the tolerance with the
	 * shape.
	 */
	List<Overlap> overlaps(MultiPolygon shape, long excludeId, double toleranceM2) {
		return this.jdbc.sql(this.srids.render(OVERLAPS))
			.param("wkb", GeometryRepair.wkb(shape))
			.param("ended", ParcelLifecycle.endedCodes())
			.param("excludeId", excludeId)
			.param("toleranceM2", toleranceM2)
			.query((rs, i) -> overlap(rs, rs.getLong("id"), rs.getString("code")))
			.list();
	}

	/** The shape minus every active neighbour it overlaps, with the neighbours' codes. */
	Clipped clip(MultiPolygon shape, long excludeId) {
		return this.jdbc.sql(this.srids.render(CLIP))
			.param("wkb", GeometryRepair.wkb(shape))
			.param("ended", ParcelLifecycle.endedCodes())
			.param("excludeId", excludeId)
			.query((rs, i) -> {
				List<String> codes = Arrays.asList((String[]) rs.getArray("codes").getArray());
				byte[] wkb = rs.getBytes("wkb");
				MultiPolygon clipped = codes.isEmpty() ? shape
						: (wkb == null) ? shape.getFactory().createMultiPolygon() : GeometryRepair.read(wkb);
				return new Clipped(clipped,
						new ParcelView.ClipReport(codes, GeometryRepair.round(rs.getDouble("before_m2")),
								GeometryRepair.round(rs.getDouble("after_m2"))));
			})
			.single();
	}

	/** Count and area in 亩 of the parcels in each state that has any. */
	List<ParcelStatusStats> statusStats() {
		return this.jdbc.sql(this.srids.render(STATUS_STATS))
			.query((rs, i) -> new ParcelStatusStats(rs.getString("status"), rs.getLong("parcels"),
					rs.getBigDecimal("area_mu")))
			.list();
	}

	private Overlap overlap(ResultSet rs, Long parcelId, String code) throws SQLException {
		return new Overlap(parcelId, code, GeometryRepair.round(rs.getDouble("overlap_m2")),
				this.json.readTree(rs.getString("overlap")), List.of(rs.getDouble("lon"), rs.getDouble("lat")));
	}

	private ParcelView view(ResultSet rs, int row) throws SQLException {
		return new ParcelView("Feature", rs.getLong("id"), rs.getString("geometry"),
				new ParcelView.Properties(rs.getString("code"), rs.getString("name"), rs.getString("land_use"),
						rs.getString("land_class_code"), rs.getString("holder"), rs.getString("status"),
						rs.getObject("status_changed_at", OffsetDateTime.class), rs.getBigDecimal("surveyed_area_m2"),
						rs.getString("note"), rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class),
						rs.getString("created_by"), rs.getObject("updated_at", OffsetDateTime.class),
						rs.getString("updated_by"), rs.getDouble("area_m2"), rs.getDouble("area_mu"),
						rs.getDouble("area_ha"), rs.getDouble("perimeter_m"), rs.getDouble("ellipsoidal_area_m2")),
				null, null);
	}

	/** The row's identity, status and version, locked for the rest of the transaction. */
	record Locked(long id, String code, ParcelLifecycle status, int version) {
	}

	/** A boundary cut back to its neighbours. */
	record Clipped(MultiPolygon geometry, ParcelView.ClipReport report) {
	}

	/** Named parameters of a parcel's attributes and boundary. */
	private static final class DraftParams extends MapSqlParameterSource {

		DraftParams(ParcelDraft draft, String note, byte[] wkb, String user, long id) {
			addValue("code", draft.code());
			addValue("name", draft.name());
			addValue("landUse", draft.landUse());
			addValue("landClassCode", draft.landClassCode());
			addValue("holder", draft.holder());
			addValue("surveyedAreaM2", draft.surveyedAreaM2());
			addValue("note", note);
			addValue("wkb", wkb);
			addValue("user", user);
			addValue("id", id);
		}

	}

}
