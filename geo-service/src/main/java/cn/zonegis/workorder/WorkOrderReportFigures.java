package cn.zonegis.workorder;

import java.util.List;
import java.util.Map;

import cn.zonegis.asset.AssetReportRows;
import cn.zonegis.report.FigureDef;
import cn.zonegis.report.ReportFigures;
import cn.zonegis.report.ReportPeriod;
import cn.zonegis.report.ReportSection;

import org.springframework.stereotype.Component;

/**
 * The half-year report's figures over work orders: the municipal work done per kind of
 * the catalogue, and the safety and environmental inspections with their findings.
 */
@Component
class WorkOrderReportFigures implements ReportFigures {

	/** Work order states the figures name, bound as :closed and :cancelled. */
	private static final Map<String, Object> ORDER_STATES = Map.of("closed", WorkOrderLifecycle.CLOSED.value(),
			"cancelled", WorkOrderLifecycle.CANCELLED.value());

	/**
	 * The work of one kind done in the period: the quantities recorded on orders closed
	 * in it, and the assets entered in it that the kind counts (work_kind.asset_table and
	 * asset_kinds), as the asset feature states them.
	 */
	private static final String WORK_DONE = """
			SELECT w.id, 'work_orders' AS layer, w.code || ' ' || w.description AS label, q.amount, w.id AS grp, w.geom
			FROM zonegis.work_quantity q JOIN zonegis.work_order w ON w.id = q.work_order_id
			WHERE q.work_kind = :workKind AND w.state = :closed
				AND EXISTS (SELECT 1 FROM zonegis.work_order_event e
					WHERE e.work_order_id = w.id AND e.to_state = :closed AND e.at >= :start AND e.at < :end)
			UNION ALL
			SELECT a.id, a.layer, a.label, a.amount, a.id AS grp, a.geom
			FROM zonegis.work_kind k JOIN (%s) a ON a.asset_table = k.asset_table
			WHERE k.code = :workKind AND (k.asset_kinds IS NULL OR a.kind = ANY (k.asset_kinds))
				AND a.created_at >= :start AND a.created_at < :end
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

	private final WorkKindService workKinds;

	private final String workDone;

	WorkOrderReportFigures(WorkKindService workKinds, AssetReportRows assets) {
		this.workKinds = workKinds;
		this.workDone = WORK_DONE.formatted(assets.entered());
	}

	@Override
	public List<FigureDef> figures(ReportSection section, ReportPeriod period) {
		return switch (section) {
			case MUNICIPAL -> municipal();
			case SAFETY -> safety();
			default -> List.of();
		};
	}

	private List<FigureDef> municipal() {
		return this.workKinds.catalogue()
			.stream()
			.map((k) -> new FigureDef("municipal." + k.code(), ReportSection.MUNICIPAL, k.unit(), FigureDef.SUM,
					this.workDone, Map.of("workKind", k.code(), "closed", WorkOrderLifecycle.CLOSED.value()),
					"report.municipal.kind", new Object[] { k.nameZh(), k.nameEn() }, "report.municipal.definition"))
			.toList();
	}

	private static List<FigureDef> safety() {
		String findings = ORDERS.formatted(FINDINGS);
		String onSpot = ORDERS.formatted(FINDINGS + " AND t.rectified_on_spot");
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
				safetyFigure("safety.on_spot.enterprises", "家", FigureDef.DISTINCT_GROUPS, onSpot),
				safetyFigure("safety.on_spot.problems", "个", FigureDef.COUNT, onSpot),
				safetyFigure("safety.closed_loop.problems", "个", FigureDef.COUNT, ORDERS.formatted(FINDINGS
						+ " AND t.state = :closed AND EXISTS (SELECT 1 FROM zonegis.work_order_event c WHERE c.work_order_id = t.id AND c.to_state = :closed AND c.at < :end)")),
				safetyFigure("safety.heating_stoves", "个", FigureDef.COUNT, ORDERS.formatted(FINDINGS
						+ " AND t.inspection_id IN (SELECT id FROM zonegis.work_order WHERE inspection_kind = 'heating_stove')")),
				safetyFigure("safety.environmental.enterprises", "家", FigureDef.DISTINCT_GROUPS, ORDERS
					.formatted(FIRST_INSPECTIONS + " AND t.inspection_kind IN ('environmental', 'hazardous_waste')")));
	}

	private static FigureDef safetyFigure(String key, String unit, String aggregate, String sql) {
		return FigureDef.of(key, ReportSection.SAFETY, unit, aggregate, sql, ORDER_STATES);
	}

}
