package cn.zonegis.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import cn.zonegis.geo.MeasureSql;
import cn.zonegis.land.LandLayerService;
import cn.zonegis.land.ParcelLifecycle;
import cn.zonegis.land.ZoneRef;
import cn.zonegis.project.ProjectService;
import cn.zonegis.project.ProjectView;
import cn.zonegis.workorder.WorkKindService;
import cn.zonegis.workorder.WorkOrderLifecycle;

import org.springframework.stereotype.Component;

/**
 * Every figure of the half-year report, section by section, with the rows it counts. Land
 * steps and municipal work count what happened in the period; the park, projects and
 * certificates describe the state at its end; inspections and the house survey count what
 * was done in the period.
 */
@Component
class HalfYearFigures {

	/**
	 * Parcel lifecycle steps the report counts: every status a parcel moves into
	 * (用地红线图出具, 组卷, 挂牌, 出让, 收回, 注销).
	 */
	static final List<String> LAND_STEPS = ParcelLifecycle
		.codes(EnumSet.complementOf(EnumSet.of(ParcelLifecycle.PLANNED)));

	/** Work order states the figures name, bound as :closed and :cancelled. */
	private static final Map<String, Object> ORDER_STATES = Map.of("closed", WorkOrderLifecycle.CLOSED.value(),
			"cancelled", WorkOrderLifecycle.CANCELLED.value());

	private static final String PARCELS_REACHING = """
			SELECT t.id, 'parcels' AS layer, t.code || ' ' || coalesce(t.name, '') AS label, %s AS amount, t.id AS grp, t.geom
			FROM zonegis.parcel t
			WHERE EXISTS (SELECT 1 FROM zonegis.parcel_event e
				WHERE e.parcel_id = t.id AND e.to_status = :status AND e.at >= :start AND e.at < :end)
			"""
		.formatted(MeasureSql.AREA_M2);

	/**
	 * The work of one kind done in the period: the quantities recorded on orders closed
	 * in it, and the assets entered in it that the kind counts (work_kind.asset_table and
	 * asset_kinds), pipes and cables by their length, wells and lights one each.
	 */
	private static final String WORK_DONE = """
			SELECT w.id, 'work_orders' AS layer, w.code || ' ' || w.description AS label, q.amount, w.id AS grp, w.geom
			FROM zonegis.work_quantity q JOIN zonegis.work_order w ON w.id = q.work_order_id
			WHERE q.work_kind = :workKind AND w.state = :closed
				AND EXISTS (SELECT 1 FROM zonegis.work_order_event e
					WHERE e.work_order_id = w.id AND e.to_state = :closed AND e.at >= :start AND e.at < :end)
			UNION ALL
			SELECT a.id, a.layer, a.label, a.amount, a.id AS grp, a.geom
			FROM zonegis.work_kind k CROSS JOIN LATERAL (
				SELECT t.id, 'pipes' AS layer, t.code AS label, %1$s AS amount, t.geom, t.kind, t.created_at
				FROM zonegis.pipe t WHERE k.asset_table = 'pipe'
				UNION ALL
				SELECT t.id, 'cables', t.code, %1$s, t.geom, NULL, t.created_at
				FROM zonegis.cable t WHERE k.asset_table = 'cable'
				UNION ALL
				SELECT t.id, 'wells', t.code, 1, t.geom, t.kind, t.created_at
				FROM zonegis.well t WHERE k.asset_table = 'well'
				UNION ALL
				SELECT t.id, 'streetlights', t.code, 1, t.geom, NULL, t.created_at
				FROM zonegis.streetlight t WHERE k.asset_table = 'streetlight'
			) a
			WHERE k.code = :workKind AND (k.asset_kinds IS NULL OR a.kind = ANY (k.asset_kinds))
				AND a.created_at >= :start AND a.created_at < :end
			""".formatted(MeasureSql.LENGTH_M);

	private static final String ENTERPRISES_IN_ZONE = """
			SELECT t.id, 'enterprises' AS layer, t.name AS label, NULL::numeric AS amount, t.id AS grp, t.geom
			FROM zonegis.enterprise t JOIN zonegis.expansion_zone z ON ST_Intersects(z.geom, t.geom)
			WHERE z.id = :zoneId %s
			""";

	private static final String PROJECTS_UNDER_CONSTRUCTION_IN_ZONE = """
			SELECT t.id, 'projects' AS layer, t.name AS label, NULL::numeric AS amount, t.id AS grp, t.geom
			FROM zonegis.project t JOIN zonegis.expansion_zone z ON ST_Intersects(z.geom, t.geom)
			WHERE z.id = :zoneId AND t.state = 'under_construction'
			""";

	private static final String REVIEWS_ISSUED = """
			SELECT t.id, 'park_entry_reviews' AS layer, t.code || ' ' || t.project_name AS label, NULL::numeric AS amount,
				t.id AS grp, t.geom
			FROM zonegis.park_entry_review t
			WHERE t.zone_id = :zoneId AND t.outcome <> 'pending' AND t.opinion_on BETWEEN :fromDay AND :toDay
			""";

	private static final String PROJECTS = """
			SELECT t.id, 'projects' AS layer, t.name AS label, %s AS amount, t.id AS grp, t.geom
			FROM zonegis.project t
			WHERE %s
			""";

	private static final String UNCERTIFIED_BUILDINGS = """
			SELECT t.id, 'buildings' AS layer, t.code || ' ' || t.name AS label, t.floor_area_m2 AS amount,
				t.enterprise_id AS grp, t.geom
			FROM zonegis.building t
			WHERE t.surveyed_on <= :toDay AND (t.land_cert_state <> 'issued' OR t.property_cert_state <> 'issued')
			""";

	/**
	 * An inspection or finding counts in the period it was reported (its first event).
	 */
	private static final String REPORTED_IN_PERIOD = """
			EXISTS (SELECT 1 FROM zonegis.work_order_event e
				WHERE e.work_order_id = t.id AND e.from_state IS NULL AND e.at >= :start AND e.at < :end)""";

	private static final String ORDERS = """
			SELECT t.id, 'work_orders' AS layer, t.code || ' ' || t.description AS label, NULL::numeric AS amount,
				t.enterprise_id AS grp, t.geom
			FROM zonegis.work_order t
			WHERE t.state <> :cancelled AND %s AND\s""" + REPORTED_IN_PERIOD;

	private static final String FIRST_INSPECTIONS = "t.kind = 'inspection' AND t.reinspection_of IS NULL";

	private static final String REINSPECTIONS = "t.kind = 'inspection' AND t.reinspection_of IS NOT NULL";

	private static final String FINDINGS = "t.inspection_id IS NOT NULL";

	private static final String HOUSES = """
			SELECT t.id, 'self_built_houses' AS layer, t.code || ' ' || t.address AS label, NULL::numeric AS amount,
				t.id AS grp, t.geom
			FROM zonegis.self_built_house t
			WHERE t.surveyed_on BETWEEN :fromDay AND :toDay %s
			""";

	/** IN (NULL) matches nothing, where an empty IN () would not parse. */
	private static final List<String> NO_NAMES = Collections.singletonList(null);

	private final WorkKindService workKinds;

	private final LandLayerService land;

	private final ProjectService projects;

	HalfYearFigures(WorkKindService workKinds, LandLayerService land, ProjectService projects) {
		this.workKinds = workKinds;
		this.land = land;
		this.projects = projects;
	}

	/** The figures of these sections, in the report's order. */
	List<FigureDef> of(List<ReportSection> sections, ReportPeriod period) {
		List<FigureDef> figures = new ArrayList<>();
		for (ReportSection section : ReportSection.values()) {
			if (sections.contains(section)) {
				figures.addAll(switch (section) {
					case LAND -> land();
					case MUNICIPAL -> municipal();
					case PARK -> park();
					case PROJECTS -> projects(period);
					case BUSINESS -> business();
					case SAFETY -> safety();
					case HOUSES -> houses();
				});
			}
		}
		return figures;
	}

	private List<FigureDef> land() {
		List<FigureDef> figures = new ArrayList<>();
		for (String step : LAND_STEPS) {
			Map<String, Object> params = Map.of("status", step);
			String label = "report.land." + step;
			figures.add(new FigureDef("land." + step + ".count", ReportSection.LAND, "个", FigureDef.COUNT,
					PARCELS_REACHING, params, label + ".count", new Object[0], "report.land.count.definition"));
			figures.add(new FigureDef("land." + step + ".area_mu", ReportSection.LAND, "亩",
					"round(coalesce(sum(r.amount), 0) * 15 / 10000, 2)", PARCELS_REACHING, params, label + ".area",
					new Object[] { "亩" }, "report.land.area.definition"));
			figures.add(new FigureDef("land." + step + ".area_m2", ReportSection.LAND, "m2", FigureDef.SUM,
					PARCELS_REACHING, params, label + ".area", new Object[] { "m²" }, "report.land.area.definition"));
		}
		return figures;
	}

	private List<FigureDef> municipal() {
		return this.workKinds.catalogue()
			.stream()
			.map((k) -> new FigureDef("municipal." + k.code(), ReportSection.MUNICIPAL, k.unit(), FigureDef.SUM,
					WORK_DONE, Map.of("workKind", k.code(), "closed", WorkOrderLifecycle.CLOSED.value()),
					"report.municipal.kind", new Object[] { k.nameZh(), k.nameEn() }, "report.municipal.definition"))
			.toList();
	}

	private List<FigureDef> park() {
		List<FigureDef> figures = new ArrayList<>();
		for (ZoneRef zone : this.land.chemicalParkSubzones()) {
			Map<String, Object> params = Map.of("zoneId", zone.id());
			Object[] name = { zone.name() };
			String prefix = "park." + zone.id() + ".";
			figures.add(zoneFigure(prefix + "enterprises", ENTERPRISES_IN_ZONE.formatted(""), params, name));
			figures.add(zoneFigure(prefix + "non_chemical", ENTERPRISES_IN_ZONE.formatted("AND NOT t.is_chemical"),
					params, name));
			for (String state : List.of("relocate", "convert", "retain")) {
				figures.add(zoneFigure(prefix + state,
						ENTERPRISES_IN_ZONE.formatted("AND NOT t.is_chemical AND t.relocation_state = '" + state + "'"),
						params, name));
			}
			figures.add(zoneFigure(prefix + "projects_under_construction", PROJECTS_UNDER_CONSTRUCTION_IN_ZONE, params,
					name));
			figures.add(zoneFigure(prefix + "entry_reviews", REVIEWS_ISSUED, params, name));
		}
		return figures;
	}

	private static FigureDef zoneFigure(String key, String sql, Map<String, Object> params, Object[] zoneName) {
		String what = key.substring(key.lastIndexOf('.') + 1);
		return new FigureDef(key, ReportSection.PARK, "个", FigureDef.COUNT, sql, params, "report.park." + what,
				zoneName, "report.park." + what + ".definition");
	}

	private List<FigureDef> projects(ReportPeriod period) {
		List<String> lagging = this.projects.list("name", period.to(), null)
			.stream()
			.filter(ProjectView::lagging)
			.map(ProjectView::name)
			.toList();
		String all = PROJECTS.formatted("t.total_investment_wan", "true");
		String started = PROJECTS.formatted("t.completed_investment_wan",
				"t.state <> 'planned' AND t.start_date <= :toDay");
		return List.of(projectFigure("projects.count", "个", FigureDef.COUNT, all, Map.of()),
				projectFigure("projects.total_investment_yi", "亿元", "round(coalesce(sum(r.amount), 0) / 10000, 2)", all,
						Map.of()),
				projectFigure("projects.started", "个", FigureDef.COUNT, started, Map.of()),
				projectFigure("projects.completed_investment_yi", "亿元", "round(coalesce(sum(r.amount), 0) / 10000, 2)",
						PROJECTS.formatted("t.completed_investment_wan", "true"), Map.of()),
				projectFigure("projects.completed_share", "%",
						"round(100 * coalesce(sum(r.amount), 0) / nullif((SELECT sum(total_investment_wan) FROM zonegis.project), 0), 1)",
						PROJECTS.formatted("t.completed_investment_wan", "true"), Map.of()),
				projectFigure("projects.lagging", "个", FigureDef.COUNT,
						PROJECTS.formatted("t.completed_investment_wan", "t.name IN (:names)"),
						Map.of("names", lagging.isEmpty() ? NO_NAMES : lagging)));
	}

	private static FigureDef projectFigure(String key, String unit, String aggregate, String sql,
			Map<String, Object> params) {
		return new FigureDef(key, ReportSection.PROJECTS, unit, aggregate, sql, params, "report." + key, new Object[0],
				"report." + key + ".definition");
	}

	private List<FigureDef> business() {
		return List.of(businessFigure("business.uncertified.enterprises", "家", FigureDef.DISTINCT_GROUPS),
				businessFigure("business.uncertified.buildings", "栋", FigureDef.COUNT),
				businessFigure("business.uncertified.floor_area_m2", "m2", FigureDef.SUM));
	}

	private static FigureDef businessFigure(String key, String unit, String aggregate) {
		return new FigureDef(key, ReportSection.BUSINESS, unit, aggregate, UNCERTIFIED_BUILDINGS, Map.of(),
				"report." + key, new Object[0], "report." + key + ".definition");
	}

	private List<FigureDef> safety() {
		String findings = ORDERS.formatted(FINDINGS);
		return List.of(
				safetyFigure("safety.inspected.enterprises", "家", FigureDef.DISTINCT_GROUPS,
						ORDERS.formatted(FIRST_INSPECTIONS)),
				safetyFigure("safety.problems.found", "个", FigureDef.COUNT, findings),
				safetyFigure("safety.reinspected.enterprises", "家", FigureDef.DISTINCT_GROUPS,
						ORDERS.formatted(REINSPECTIONS)),
				safetyFigure("safety.reinspected.problems", "个", FigureDef.COUNT,
						"""
								SELECT t.id, 'work_orders' AS layer, t.code || ' ' || t.description AS label,
									NULL::numeric AS amount, t.enterprise_id AS grp, t.geom
								FROM zonegis.work_order t
								WHERE t.state <> :cancelled AND t.inspection_id IN (SELECT t.reinspection_of FROM zonegis.work_order t
									WHERE %s AND %s)
								"""
							.formatted(REINSPECTIONS, REPORTED_IN_PERIOD)),
				safetyFigure("safety.on_spot.enterprises", "家", FigureDef.DISTINCT_GROUPS,
						ORDERS.formatted(FINDINGS + " AND t.rectified_on_spot")),
				safetyFigure("safety.on_spot.problems", "个", FigureDef.COUNT,
						ORDERS.formatted(FINDINGS + " AND t.rectified_on_spot")),
				safetyFigure("safety.closed_loop.problems", "个", FigureDef.COUNT, ORDERS.formatted(FINDINGS
						+ " AND t.state = :closed AND EXISTS (SELECT 1 FROM zonegis.work_order_event c WHERE c.work_order_id = t.id AND c.to_state = :closed AND c.at < :end)")),
				safetyFigure("safety.heating_stoves", "个", FigureDef.COUNT, ORDERS.formatted(FINDINGS
						+ " AND t.inspection_id IN (SELECT id FROM zonegis.work_order WHERE inspection_kind = 'heating_stove')")),
				safetyFigure("safety.environmental.enterprises", "家", FigureDef.DISTINCT_GROUPS, ORDERS
					.formatted(FIRST_INSPECTIONS + " AND t.inspection_kind IN ('environmental', 'hazardous_waste')")));
	}

	private static FigureDef safetyFigure(String key, String unit, String aggregate, String sql) {
		return new FigureDef(key, ReportSection.SAFETY, unit, aggregate, sql, ORDER_STATES, "report." + key,
				new Object[0], "report." + key + ".definition");
	}

	private List<FigureDef> houses() {
		return List.of(houseFigure("houses.surveyed", ""), houseFigure("houses.operating", "AND t.operating"),
				houseFigure("houses.hazardous", "AND t.hazard"),
				houseFigure("houses.appraised", "AND t.appraisal_state = 'done' AND t.appraised_on <= :toDay"));
	}

	private static FigureDef houseFigure(String key, String condition) {
		return new FigureDef(key, ReportSection.HOUSES, "栋", FigureDef.COUNT, HOUSES.formatted(condition), Map.of(),
				"report." + key, new Object[0], "report." + key + ".definition");
	}

}
