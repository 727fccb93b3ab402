package cn.zonegis.land;

import java.util.ArrayList;
import java.util.List;

import cn.zonegis.geo.MeasureSql;
import cn.zonegis.geo.SridSql;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for land_recovery: the register of recovered land (闲置低效用地收回) and its statistics.
 */
@Repository
class LandRecoveryRepository {

	/**
	 * The recovery keeps the parcel's boundary as it is at this moment, whatever happens
	 * to it later.
	 */
	private static final String INSERT = """
			INSERT INTO zonegis.land_recovery (parcel_id, parcel_code, former_holder, land_use, reason, legal_basis,
				decision_date, certificate_cancelled, note, geom, created_by, updated_by)
			SELECT p.id, p.code, :formerHolder, :landUse, :reason, :legalBasis, :decisionDate, :certificateCancelled,
				:note, p.geom, :user, :user
			FROM zonegis.parcel p WHERE p.id = :parcelId
			RETURNING id
			""";

	private static final String REGISTER = """
			SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(
				json_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.geom, 9, 0)::json,
					'properties', json_build_object('parcel_id', t.parcel_id, 'parcel_code', t.parcel_code,
						'former_holder', t.former_holder, 'land_use', t.land_use, 'reason', t.reason,
						'legal_basis', t.legal_basis, 'decision_date', t.decision_date,
						'certificate_cancelled', t.certificate_cancelled, 'note', t.note,
						'area_m2', %s, 'area_mu', %s, 'created_by', t.created_by, 'created_at', t.created_at))
				ORDER BY t.decision_date DESC, t.id DESC), '[]'::json))::text
			FROM zonegis.land_recovery t
			WHERE %s
			""";

	/** One row per year and reason, per year (reason null) and overall (both null). */
	private static final String STATS = """
			SELECT extract(year FROM t.decision_date)::int AS year, t.reason, count(*) AS count,
				round(sum(ST_Area(ST_Transform(t.geom, {measureSrid})))::numeric, 2) AS area_m2,
				round((sum(ST_Area(ST_Transform(t.geom, {measureSrid}))) * 15 / 10000)::numeric, 4) AS area_mu
			FROM zonegis.land_recovery t
			WHERE %s
			GROUP BY GROUPING SETS ((1, 2), (1), ())
			ORDER BY year NULLS LAST, reason NULLS LAST
			""";

	private final JdbcClient jdbc;

	private final SridSql srids;

	LandRecoveryRepository(JdbcClient jdbc, SridSql srids) {
		this.jdbc = jdbc;
		this.srids = srids;
	}

	long insert(long parcelId, RecoveryRequest request, String formerHolder, String user) {
		return this.jdbc.sql(INSERT)
			.param("parcelId", parcelId)
			.param("formerHolder", formerHolder)
			.param("landUse", request.landUse())
			.param("reason", request.reason())
			.param("legalBasis", request.legalBasis())
			.param("decisionDate", request.decisionDate())
			.param("certificateCancelled", Boolean.TRUE.equals(request.certificateCancelled()))
			.param("note", request.note())
			.param("user", user)
			.query(Long.class)
			.single();
	}

	String register(RecoveryFilter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String sql = this.srids
			.render(REGISTER.formatted(MeasureSql.AREA_M2, MeasureSql.AREA_MU, where(filter, params)));
		return this.jdbc.sql(sql).paramSource(params).query(String.class).single();
	}

	List<RecoveryStats> stats(RecoveryFilter filter) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.jdbc.sql(this.srids.render(STATS.formatted(where(filter, params))))
			.paramSource(params)
			.query((rs, i) -> new RecoveryStats(rs.getObject("year", Integer.class), rs.getString("reason"),
					rs.getLong("count"), rs.getDouble("area_m2"), rs.getDouble("area_mu")))
			.list();
	}

	private static String where(RecoveryFilter filter, MapSqlParameterSource params) {
		List<String> where = new ArrayList<>(List.of("true"));
		if (filter.year() != null) {
			// A date range rather than extract(year …), so an index on decision_date
			// serves it.
			where.add("t.decision_date >= make_date(:year, 1, 1) AND t.decision_date < make_date(:year + 1, 1, 1)");
			params.addValue("year", filter.year());
		}
		if (filter.reason() != null) {
			where.add("t.reason = :reason");
			params.addValue("reason", filter.reason());
		}
		if (filter.landUse() != null) {
			where.add("t.land_use = :landUse");
			params.addValue("landUse", filter.landUse());
		}
		return String.join(" AND ", where);
	}

	/**
	 * Recovered land counted and measured.
	 *
	 * @param year the decision year, or null for every year
	 * @param reason the reason, or null for every reason
	 */
	record RecoveryStats(Integer year, String reason, long count, double areaM2, double areaMu) {
	}

}
