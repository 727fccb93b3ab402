package cn.zonegis.report;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.zonegis.geo.SridSql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Runs a figure's rows: their total for the report, the rows themselves as GeoJSON for
 * the table and the map.
 */
@Repository
class ReportRepository {

	private static final String VALUE = "SELECT %s FROM (%s) r";

	private static final String ROWS = """
			SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
				'type', 'Feature', 'id', r.id, 'geometry', ST_AsGeoJSON(r.geom, 7, 0)::json,
				'properties', json_build_object('layer', r.layer, 'label', r.label, 'amount', r.amount))
				ORDER BY r.label, r.id), '[]'::json))::text
			FROM (%s) r
			""";

	private final JdbcClient jdbc;

	private final SridSql srids;

	ReportRepository(JdbcClient jdbc, SridSql srids) {
		this.jdbc = jdbc;
		this.srids = srids;
	}

	BigDecimal value(FigureDef figure, ReportPeriod period) {
		return bind(VALUE.formatted(figure.aggregate(), sql(figure)), figure, period).query(BigDecimal.class).single();
	}

	String rows(FigureDef figure, ReportPeriod period) {
		return bind(ROWS.formatted(sql(figure)), figure, period).query(String.class).single();
	}

	private String sql(FigureDef figure) {
		return this.srids.render(figure.rowsSql());
	}

	private JdbcClient.StatementSpec bind(String sql, FigureDef figure, ReportPeriod period) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		Map<String, Object> params = new HashMap<>(figure.params());
		params.put("start", period.start());
		params.put("end", period.end());
		params.put("fromDay", period.from());
		params.put("toDay", period.to());
		for (Map.Entry<String, Object> p : params.entrySet()) {
			if (sql.contains(":" + p.getKey())) {
				statement = statement.param(p.getKey(), p.getValue());
			}
		}
		return statement;
	}

}
