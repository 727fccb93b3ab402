package cn.zonegis.report;

import java.util.Map;

/**
 * One figure of the report: the rows behind it (a SQL select of id, layer, label, amount,
 * grp and geom over the period's :start, :end, :fromDay and :toDay) and how they add up.
 * The value is always computed from those rows, so the number and the rows a reader opens
 * cannot disagree.
 *
 * @param key stable name, such as {@code land.transferred.count}
 * @param unit the unit the value is stated in (个, 亩, m2, 亿元, %…)
 * @param aggregate SQL over alias r of the rows: {@code count(*)}, {@code sum(r.amount)}…
 * @param labelKey message key of the figure's name; {@code labelArgs} fill it
 * @param definitionKey message key saying exactly what is counted
 */
public record FigureDef(String key, ReportSection section, String unit, String aggregate, String rowsSql,
		Map<String, Object> params, String labelKey, Object[] labelArgs, String definitionKey) {

	public static final String COUNT = "count(*)";

	public static final String DISTINCT_GROUPS = "count(DISTINCT r.grp)";

	public static final String SUM = "coalesce(sum(r.amount), 0)";

	/** Amounts in 万元 stated in 亿元. */
	public static final String SUM_YI_FROM_WAN = "round(coalesce(sum(r.amount), 0) / 10000, 2)";

	/**
	 * A figure named by its key: its label is message {@code report.<key>}, its
	 * definition {@code report.<key>.definition}.
	 */
	public static FigureDef of(String key, ReportSection section, String unit, String aggregate, String rowsSql,
			Map<String, Object> params) {
		return new FigureDef(key, section, unit, aggregate, rowsSql, params, "report." + key, new Object[0],
				"report." + key + ".definition");
	}

}
