package cn.zonegis.project;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.zonegis.geo.GeometryInput;
import cn.zonegis.geo.GeometryRepair;
import cn.zonegis.geo.SridSql;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for key projects; geometry leaves as GeoJSON written by PostGIS. Parcel codes
 * travel as a JSON array, since a bound Java array would be spread into an IN list by
 * named parameters.
 */
@Repository
class ProjectRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SELECT = """
			SELECT t.id, t.name, t.level, t.category, t.total_investment_wan, t.completed_investment_wan,
				t.annual_target_wan, t.start_date, t.state, t.parcel_codes, t.version,
				ST_X(t.geom) AS lon, ST_Y(t.geom) AS lat, ST_AsGeoJSON(t.geom, 7, 0) AS geometry,
				ST_AsGeoJSON(t.footprint, 7, 0) AS footprint
			FROM zonegis.project t
			""";

	private static final String INSERT = """
			INSERT INTO zonegis.project (name, level, category, total_investment_wan, completed_investment_wan,
				annual_target_wan, start_date, state, parcel_codes, geom, footprint, created_by, updated_by)
			VALUES (:name, :level, :category, :total, :completed, :target, :startDate, :state, ARRAY(SELECT jsonb_array_elements_text(CAST(:parcelCodes AS jsonb))),
				ST_GeomFromEWKB(:geom), ST_GeomFromEWKB(CAST(:footprint AS bytea)), :user, :user)
			RETURNING id
			""";

	private static final String UPDATE = """
			UPDATE zonegis.project SET name = :name, level = :level, category = :category, total_investment_wan = :total,
				completed_investment_wan = :completed, annual_target_wan = :target, start_date = :startDate, state = :state,
				parcel_codes = ARRAY(SELECT jsonb_array_elements_text(CAST(:parcelCodes AS jsonb))), geom = ST_GeomFromEWKB(:geom), footprint = ST_GeomFromEWKB(CAST(:footprint AS bytea)),
				version = version + 1, updated_at = now(), updated_by = :user
			WHERE id = :id AND version = :version
			""";

	/**
	 * The area is the query shape, so the GiST indexes on geom and footprint serve it.
	 */
	private static final String IN_AREA = """
			SELECT t.id, t.name, t.state, t.category, t.total_investment_wan, t.completed_investment_wan,
				ST_CoveredBy(coalesce(t.footprint, t.geom), a.geom) AS inside,
				coalesce(ST_Area(ST_Transform(ST_Intersection(t.footprint, a.geom), {measureSrid})), 0) AS inside_m2
			FROM zonegis.project t, (SELECT ST_GeomFromWKB(:area, {storageSrid}) AS geom) a
			WHERE ST_Intersects(t.geom, a.geom) OR ST_Intersects(t.footprint, a.geom)
			ORDER BY t.name
			""";

	private static final String ID_BY_NAME = "SELECT id FROM zonegis.project WHERE name = :name";

	private static final String LOCK_VERSION = "SELECT version FROM zonegis.project WHERE id = :id FOR UPDATE";

	private static final String DELETE = "DELETE FROM zonegis.project WHERE id = :id AND version = :version";

	private final JdbcClient jdbc;

	private final SridSql srids;

	ProjectRepository(JdbcClient jdbc, SridSql srids) {
		this.jdbc = jdbc;
		this.srids = srids;
	}

	List<ProjectRow> all() {
		return this.jdbc.sql(SELECT + " ORDER BY t.id").query(ProjectRepository::row).list();
	}

	Optional<ProjectRow> find(long id) {
		return this.jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(ProjectRepository::row).optional();
	}

	List<ProjectInArea> inArea(Geometry area) {
		return this.jdbc.sql(this.srids.render(IN_AREA))
			.param("area", GeometryRepair.wkb(area))
			.query((rs, i) -> new ProjectInArea(rs.getLong("id"), rs.getString("name"), rs.getString("state"),
					rs.getString("category"), rs.getBigDecimal("total_investment_wan"),
					rs.getBigDecimal("completed_investment_wan"), rs.getBoolean("inside"), rs.getDouble("inside_m2")))
			.list();
	}

	Optional<Long> idByName(String name) {
		return this.jdbc.sql(ID_BY_NAME).param("name", name).query(Long.class).optional();
	}

	Optional<Integer> lockVersion(long id) {
		return this.jdbc.sql(LOCK_VERSION).param("id", id).query(Integer.class).optional();
	}

	long insert(ProjectDraft draft, String user) {
		return bind(this.jdbc.sql(INSERT), draft, user).query(Long.class).single();
	}

	boolean update(long id, int version, ProjectDraft draft, String user) {
		return bind(this.jdbc.sql(UPDATE), draft, user).param("id", id).param("version", version).update() == 1;
	}

	boolean delete(long id, int version) {
		return this.jdbc.sql(DELETE).param("id", id).param("version", version).update() == 1;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, ProjectDraft draft, String user) {
		return sql.param("name", draft.name())
			.param("level", draft.level())
			.param("category", draft.category())
			.param("total", draft.totalInvestmentWan())
			.param("completed", draft.completedInvestmentWan())
			.param("target", draft.annualTargetWan())
			.param("startDate", draft.startDate())
			.param("state", draft.state())
			.param("parcelCodes", JSON.writeValueAsString(draft.parcelCodes()))
			.param("geom", GeometryInput.toEwkb(draft.location()))
			.param("footprint", (draft.footprint() == null) ? null : GeometryInput.toEwkb(draft.footprint()))
			.param("user", user);
	}

	private static ProjectRow row(ResultSet rs, int i) throws SQLException {
		Array codes = rs.getArray("parcel_codes");
		LocalDate start = rs.getObject("start_date", LocalDate.class);
		return new ProjectRow(rs.getLong("id"), rs.getString("name"), rs.getString("level"), rs.getString("category"),
				rs.getBigDecimal("total_investment_wan"), rs.getBigDecimal("completed_investment_wan"),
				rs.getBigDecimal("annual_target_wan"), start, rs.getString("state"),
				Arrays.asList((String[]) codes.getArray()), rs.getInt("version"), rs.getDouble("lon"),
				rs.getDouble("lat"), rs.getString("geometry"), rs.getString("footprint"));
	}

	/**
	 * A stored project; geometry and footprint are GeoJSON text from PostGIS, lon/lat its
	 * location.
	 */
	record ProjectRow(long id, String name, String level, String category, BigDecimal totalInvestmentWan,
			BigDecimal completedInvestmentWan, BigDecimal annualTargetWan, LocalDate startDate, String state,
			List<String> parcelCodes, int version, double lon, double lat, String geometry, String footprint) {

		ProjectProgress progress(LocalDate asOf) {
			return ProjectProgress.of(this.totalInvestmentWan, this.completedInvestmentWan, this.annualTargetWan,
					this.startDate, this.state, asOf);
		}

	}

}
