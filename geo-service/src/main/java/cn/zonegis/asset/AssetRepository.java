package cn.zonegis.asset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.zonegis.ReferencedRows;
import cn.zonegis.geo.MeasureSql;
import cn.zonegis.geo.SridSql;
import cn.zonegis.geo.VersionHistorySql;
import cn.zonegis.geo.Wkb;
import org.locationtech.jts.geom.Geometry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for every asset kind. Table and column names come from {@link AssetKind} (code,
 * never a request); every value is bound.
 */
@Repository
class AssetRepository {

	/** Option 0 of ST_AsGeoJSON leaves out the crs member, which RFC 7946 removed. */
	private static final String FEATURE = """
			SELECT json_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.geom, 7, 0)::json,
				'properties', to_jsonb(t) - 'geom' - 'id' || jsonb_build_object(%s))::text
			FROM zonegis.%s t WHERE t.id = :id
			""";

	/**
	 * The point on the asset nearest its centroid: on the line or at the point, never
	 * beside it.
	 */
	private static final String REF = """
			SELECT t.id, t.%s AS label, %s AS state, t.version,
				ST_X(ST_ClosestPoint(t.geom, ST_Centroid(t.geom))) AS lon, ST_Y(ST_ClosestPoint(t.geom, ST_Centroid(t.geom))) AS lat
			FROM zonegis.%s t WHERE t.id = :id
			""";

	/** No row at all when no asset carries the label, rather than a NULL union. */
	private static final String UNION_BY_LABEL = """
			SELECT ST_AsBinary(ST_Union(t.geom)) FROM zonegis.%s t WHERE t.%s = :label HAVING count(*) > 0
			""";

	private static final String LENGTH_M = """
			SELECT %s FROM (SELECT COALESCE(ST_GeomFromEWKB(CAST(:geom AS bytea)),
				(SELECT s.geom FROM zonegis.%s s WHERE s.id = CAST(:id AS bigint))) AS geom) t
			""";

	private static final String LOCK_VERSION = """
			SELECT t.version FROM zonegis.%s t WHERE t.id = :id FOR UPDATE
			""";

	private static final String ATTRIBUTES = """
			SELECT (to_jsonb(t) - 'geom')::text FROM zonegis.%s t WHERE t.id = :id
			""";

	/**
	 * A referenced row, held until the transaction ends so that it cannot be deleted
	 * before the reference is written; FOR KEY SHARE is the lock a foreign key takes.
	 */
	private static final String ID_WITH = "SELECT t.id FROM zonegis.%s t WHERE t.%s = :value";

	private static final String INSERT = """
			INSERT INTO zonegis.%s (%s, geom, created_by, updated_by)
			VALUES (%s, ST_GeomFromEWKB(:geom), :user, :user)
			RETURNING id
			""";

	/** The geometry is kept when none is given (a merge patch of attributes only). */
	private static final String UPDATE = """
			UPDATE zonegis.%s SET %s, geom = COALESCE(ST_GeomFromEWKB(CAST(:geom AS bytea)), geom),
				version = version + 1, updated_at = now(), updated_by = :user
			WHERE id = :id AND version = :version
			""";

	private static final String SET_STATE = """
			UPDATE zonegis.%s SET %s = :state, version = version + 1, updated_at = now(), updated_by = :user
			WHERE id = :id
			""";

	private static final String DELETE = """
			DELETE FROM zonegis.%s WHERE id = :id AND version = :version
			""";

	/** Coordinate decimals of the GeoJSON it writes, as FEATURE. */
	private static final int DECIMALS = 7;

	private static final VersionHistorySql HISTORY = new VersionHistorySql("asset_history", "kind", "asset_id");

	/**
	 * An asset's attributes as its history keeps them: version and geometry are columns
	 * there.
	 */
	private static final String KEPT_ATTRIBUTES = "to_jsonb(t) - 'geom' - 'id' - 'version'";

	/**
	 * One referencing column's rows; the union of all of them says what still uses an
	 * asset.
	 */
	private static final String REFERENCING = """
			SELECT '%1$s' AS kind, t.id, t.%2$s AS label FROM zonegis.%3$s t WHERE t.%4$s = :id""";

	private final JdbcClient jdbc;

	private final SridSql srids;

	AssetRepository(JdbcClient jdbc, SridSql srids) {
		this.jdbc = jdbc;
		this.srids = srids;
	}

	/**
	 * The asset as a GeoJSON Feature with its version and, for lines, its length in
	 * metres.
	 */
	Optional<String> feature(AssetKind kind, long id) {
		String measures = kind.linear() ? "'length_m', " + MeasureSql.LENGTH_M : "";
		return this.jdbc.sql(this.srids.render(FEATURE.formatted(measures, kind.table())))
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/**
	 * The length in metres as {@link #feature} publishes it, of the geometry or, when it
	 * is null, of the stored line.
	 * @param id the stored line, or null for a new one
	 */
	BigDecimal lengthM(AssetKind kind, Long id, byte[] geometry) {
		return this.jdbc.sql(this.srids.render(LENGTH_M.formatted(MeasureSql.LENGTH_M, kind.table())))
			.param("geom", geometry)
			.param("id", id)
			.query(BigDecimal.class)
			.single();
	}

	Optional<AssetRef> ref(AssetKind kind, long id) {
		String state = (kind.stateColumn() == null) ? "NULL" : "t." + kind.stateColumn();
		return this.jdbc.sql(REF.formatted(kind.labelColumn(), state, kind.table()))
			.param("id", id)
			.query((rs, i) -> new AssetRef(kind, rs.getLong("id"), rs.getString("label"), rs.getDouble("lon"),
					rs.getDouble("lat"), rs.getString("state"), rs.getInt("version")))
			.optional();
	}

	Optional<Geometry> unionByLabel(AssetKind kind, String label) {
		return this.jdbc.sql(UNION_BY_LABEL.formatted(kind.table(), kind.labelColumn()))
			.param("label", label)
			.query((rs, i) -> Wkb.read(rs.getBytes(1)))
			.optional();
	}

	/** Whether the row exists, holding it if it does. */
	boolean holdReferenced(String table, long id) {
		return ReferencedRows.hold(this.jdbc, table, id);
	}

	/** The asset of that kind whose column holds the value, if any. */
	Optional<Long> idWith(AssetKind kind, String column, Object value) {
		return this.jdbc.sql(ID_WITH.formatted(kind.table(), column))
			.param("value", value)
			.query(Long.class)
			.optional();
	}

	/** The current version, locking the row until the transaction ends. */
	Optional<Integer> lockVersion(AssetKind kind, long id) {
		return this.jdbc.sql(LOCK_VERSION.formatted(kind.table())).param("id", id).query(Integer.class).optional();
	}

	/** The current row's columns as a JSON object, for a merge patch. */
	String attributes(AssetKind kind, long id) {
		return this.jdbc.sql(ATTRIBUTES.formatted(kind.table())).param("id", id).query(String.class).single();
	}

	long insert(AssetKind kind, Map<String, Object> values, byte[] geometry, String user) {
		List<String> columns = new ArrayList<>(values.keySet());
		String placeholders = String.join(", ", columns.stream().map((c) -> ":" + c).toList());
		return this.jdbc.sql(INSERT.formatted(kind.table(), String.join(", ", columns), placeholders))
			.params(values)
			.param("geom", geometry)
			.param("user", user)
			.query(Long.class)
			.single();
	}

	/**
	 * @return whether the row was still at that version
	 */
	boolean update(AssetKind kind, long id, int version, Map<String, Object> values, byte[] geometry, String user) {
		String assignments = String.join(", ", values.keySet().stream().map((c) -> c + " = :" + c).toList());
		return this.jdbc.sql(UPDATE.formatted(kind.table(), assignments))
			.params(values)
			.param("geom", geometry)
			.param("user", user)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	void setState(AssetKind kind, long id, String state, String user) {
		this.jdbc.sql(SET_STATE.formatted(kind.table(), kind.stateColumn()))
			.param("state", state)
			.param("user", user)
			.param("id", id)
			.update();
	}

	boolean delete(AssetKind kind, long id, int version) {
		return this.jdbc.sql(DELETE.formatted(kind.table())).param("id", id).param("version", version).update() == 1;
	}

	/**
	 * Assets whose references point at this one (the pipes ending at a well), at most 20.
	 */
	List<AssetUse> referencing(AssetKind kind, long id) {
		if (kind.referencedBy().isEmpty()) {
			return List.of();
		}
		String union = kind.referencedBy()
			.stream()
			.map((r) -> REFERENCING.formatted(r.getKey().collectionId(), r.getKey().labelColumn(), r.getKey().table(),
					r.getValue().name()))
			.collect(Collectors.joining(" UNION "));
		return this.jdbc.sql("SELECT * FROM (" + union + ") u ORDER BY u.kind, u.id LIMIT 20")
			.param("id", id)
			.query((rs, i) -> new AssetUse(rs.getString("kind"), rs.getLong("id"), rs.getString("label")))
			.list();
	}

	void archive(AssetKind kind, long id, String change, String user) {
		this.jdbc.sql(HISTORY.archive(kind.table(), KEPT_ATTRIBUTES))
			.param("key", kind.table())
			.param("id", id)
			.param("change", change)
			.param("user", user)
			.update();
	}

	/**
	 * Every version of the asset as a FeatureCollection, or empty when it never existed.
	 */
	Optional<String> history(AssetKind kind, long id) {
		String json = this.jdbc.sql(HISTORY.versions(kind.table(), KEPT_ATTRIBUTES, DECIMALS))
			.param("key", kind.table())
			.param("id", id)
			.query(String.class)
			.single();
		return json.contains("\"Feature\"") ? Optional.of(json) : Optional.empty();
	}

	/** An asset that refers to another one. */
	record AssetUse(String kind, long id, String label) {
	}

}
