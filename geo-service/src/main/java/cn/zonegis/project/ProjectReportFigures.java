package cn.zonegis.project;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import cn.zonegis.report.FigureDef;
import cn.zonegis.report.ReportFigures;
import cn.zonegis.report.ReportPeriod;
import cn.zonegis.report.ReportSection;

import org.springframework.stereotype.Component;

/**
 * The half-year report's figures over the key projects: how many, their investment and
 * how many lag; and, for the park section, the projects under construction in an area.
 */
@Component
public class ProjectReportFigures implements ReportFigures {

	private static final String PROJECTS = """
			SELECT t.id, 'projects' AS layer, t.name AS label, %s AS amount, t.id AS grp, t.geom
			FROM zonegis.project t
			WHERE %s
			""";

	private static final String UNDER_CONSTRUCTION_IN_AREA = """
			SELECT t.id, 'projects' AS layer, t.name AS label, NULL::numeric AS amount, t.id AS grp, t.geom
			FROM zonegis.project t
			WHERE ST_Intersects(ST_GeomFromWKB(:area, {storageSrid}), t.geom) AND t.state = 'under_construction'
			""";

	/** IN (NULL) matches nothing, where an empty IN () would not parse. */
	private static final List<String> NO_NAMES = Collections.singletonList(null);

	private final ProjectService projects;

	ProjectReportFigures(ProjectService projects) {
		this.projects = projects;
	}

	/**
	 * The report rows of the projects under construction whose point meets the area bound
	 * as :area (WKB in EPSG:4490), for the feature that owns the area.
	 */
	public String underConstructionInArea() {
		return UNDER_CONSTRUCTION_IN_AREA;
	}

	@Override
	public List<FigureDef> figures(ReportSection section, ReportPeriod period) {
		return (section == ReportSection.PROJECTS) ? projects(period) : List.of();
	}

	private List<FigureDef> projects(ReportPeriod period) {
		List<String> lagging = this.projects.list("name", period.to(), null)
			.stream()
			.filter(ProjectView::lagging)
			.map(ProjectView::name)
			.toList();
		String all = PROJECTS.formatted("t.total_investment_wan", "true");
		String completed = PROJECTS.formatted("t.completed_investment_wan", "true");
		String started = PROJECTS.formatted("t.completed_investment_wan",
				"t.state <> 'planned' AND t.start_date <= :toDay");
		return List.of(figure("projects.count", "个", FigureDef.COUNT, all, Map.of()),
				figure("projects.total_investment_yi", "亿元", FigureDef.SUM_YI_FROM_WAN, all, Map.of()),
				figure("projects.started", "个", FigureDef.COUNT, started, Map.of()),
				figure("projects.completed_investment_yi", "亿元", FigureDef.SUM_YI_FROM_WAN, completed, Map.of()),
				figure("projects.completed_share", "%",
						"round(100 * coalesce(sum(r.amount), 0) / nullif((SELECT sum(total_investment_wan) FROM zonegis.project), 0), 1)",
						completed, Map.of()),
				figure("projects.lagging", "个", FigureDef.COUNT,
						PROJECTS.formatted("t.completed_investment_wan", "t.name IN (:names)"),
						Map.of("names", lagging.isEmpty() ? NO_NAMES : lagging)));
	}

	private static FigureDef figure(String key, String unit, String aggregate, String sql, Map<String, Object> params) {
		return FigureDef.of(key, ReportSection.PROJECTS, unit, aggregate, sql, params);
	}

}
