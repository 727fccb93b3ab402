package cn.zonegis.land;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import cn.zonegis.geo.GeometryRepair;
import cn.zonegis.geo.MeasureSql;
import cn.zonegis.project.ProjectReportFigures;
import cn.zonegis.report.FigureDef;
import cn.zonegis.report.ReportFigures;
import cn.zonegis.report.ReportPeriod;
import cn.zonegis.report.ReportSection;

import org.springframework.stereotype.Component;

/**
 * The half-year report's figures over land's rows: parcels reaching each lifecycle step,
 * the chemical park's sub-zones, buildings without certificates and the self-built house
 * survey.
 */
@Component
class LandReportFigures implements ReportFigures {

	/**
	 * Parcel lifecycle steps the report counts: every status a parcel moves into
	 * (用地红线图出具, 组卷, 挂牌, 出让, 收回, 注销).
	 */
	private static final List<String> LAND_STEPS = ParcelLifecycle
		.codes(EnumSet.complementOf(EnumSet.of(ParcelLifecycle.PLANNED)));

	private static final String PARCELS_REACHING = """
			SELECT t.id, 'parcels' AS layer, t.code || ' ' || coalesce(t.name, '') AS label, %s AS amount, t.id AS grp, t.geom
			FROM zonegis.parcel t
			WHERE EXISTS (SELECT 1 FROM zonegis.parcel_event e
				WHERE e.parcel_id = t.id AND e.to_status = :status AND e.at >= :start AND e.at < :end) %s
			""";

	/**
	 * A split cancels the original parcel, but its land lives on in the pieces: only a
	 * parcel nothing was cut from counts as deregistered (注销).
	 */
	private static final String NOT_SPLIT = "AND NOT EXISTS (SELECT 1 FROM zonegis.parcel piece WHERE piece.split_from = t.id)";

	private static final String ENTERPRISES_IN_ZONE = """
			SELECT t.id, 'enterprises' AS layer, t.name AS label, NULL::numeric AS amount, t.id AS grp, t.geom
			FROM zonegis.enterprise t JOIN zonegis.expansion_zone z ON ST_Intersects(z.geom, t.geom)
			WHERE z.id = :zoneId %s
			""";

	private static final String REVIEWS_ISSUED = """
			SELECT t.id, 'park_entry_reviews' AS layer, t.code || ' ' || t.project_name AS label, NULL::numeric AS amount,
				t.id AS grp, t.geom
			FROM zonegis.park_entry_review t
			WHERE t.zone_id = :zoneId AND t.outcome <> 'pending' AND t.opinion_on BETWEEN :fromDay AND :toDay
			""";

	private static final String UNCERTIFIED_BUILDINGS = """
			SELECT t.id, 'buildings' AS layer, t.code || ' ' || t.name AS label, t.floor_area_m2 AS amount,
				t.enterprise_id AS grp, t.geom
			FROM zonegis.building t
			WHERE t.surveyed_on <= :toDay AND (t.land_cert_state <> 'issued' OR t.property_cert_state <> 'issued')
			""";

	private static final String HOUSES = """
			SELECT t.id, 'self_built_houses' AS layer, t.code || ' ' || t.address AS label, NULL::numeric AS amount,
				t.id AS grp, t.geom
			FROM zonegis.self_built_house t
			WHERE t.surveyed_on BETWEEN :fromDay AND :toDay %s
			""";

	private final LandLayerService land;

	private final ZoneContentsRepository zones;

	private final ProjectReportFigures projects;

	LandReportFigures(LandLayerService land, ZoneContentsRepository zones, ProjectReportFigures projects) {
		this.land = land;
		this.zones = zones;
		this.projects = projects;
	}

	@Override
	public List<FigureDef> figures(ReportSection section, ReportPeriod period) {
		return switch (section) {
			case LAND -> land();
			case PARK -> park();
			case BUSINESS -> business();
			case HOUSES -> houses();
			default -> List.of();
		};
	}

	private static List<FigureDef> land() {
		List<FigureDef> figures = new ArrayList<>();
		for (String step : LAND_STEPS) {
			Map<String, Object> params = Map.of("status", step);
			String label = "report.land." + step;
			boolean cancelled = step.equals(ParcelLifecycle.CANCELLED.code());
			String rows = PARCELS_REACHING.formatted(MeasureSql.AREA_M2, cancelled ? NOT_SPLIT : "");
			String countDefinition = cancelled ? "report.land.cancelled.count.definition"
					: "report.land.count.definition";
			figures.add(new FigureDef("land." + step + ".count", ReportSection.LAND, "个", FigureDef.COUNT, rows, params,
					label + ".count", new Object[0], countDefinition));
			figures.add(new FigureDef("land." + step + ".area_mu", ReportSection.LAND, "亩",
					"round(coalesce(sum(r.amount), 0) * 15 / 10000, 2)", rows, params, label + ".area",
					new Object[] { "亩" }, "report.land.area.definition"));
			figures.add(new FigureDef("land." + step + ".area_m2", ReportSection.LAND, "m2", FigureDef.SUM, rows,
					params, label + ".area", new Object[] { "m²" }, "report.land.area.definition"));
		}
		return figures;
	}

	/**
	 * Per sub-zone: its enterprises and what becomes of the non-chemical ones, the
	 * projects under construction in it (asked of the project feature with the zone's
	 * boundary bound as :area) and the park entry reviews issued.
	 */
	private List<FigureDef> park() {
		List<FigureDef> figures = new ArrayList<>();
		for (ZoneRef zone : this.land.chemicalParkSubzones()) {
			Map<String, Object> params = Map.of("zoneId", zone.id(), "area",
					GeometryRepair.wkb(this.zones.shape(zone.id())));
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
			figures.add(zoneFigure(prefix + "projects_under_construction", this.projects.underConstructionInArea(),
					params, name));
			figures.add(zoneFigure(prefix + "entry_reviews", REVIEWS_ISSUED, params, name));
		}
		return figures;
	}

	private static FigureDef zoneFigure(String key, String sql, Map<String, Object> params, Object[] zoneName) {
		String what = key.substring(key.lastIndexOf('.') + 1);
		return new FigureDef(key, ReportSection.PARK, "个", FigureDef.COUNT, sql, params, "report.park." + what,
				zoneName, "report.park." + what + ".definition");
	}

	private static List<FigureDef> business() {
		return List.of(businessFigure("business.uncertified.enterprises", "家", FigureDef.DISTINCT_GROUPS),
				businessFigure("business.uncertified.buildings", "栋", FigureDef.COUNT),
				businessFigure("business.uncertified.floor_area_m2", "m2", FigureDef.SUM));
	}

	private static FigureDef businessFigure(String key, String unit, String aggregate) {
		return FigureDef.of(key, ReportSection.BUSINESS, unit, aggregate, UNCERTIFIED_BUILDINGS, Map.of());
	}

	private static List<FigureDef> houses() {
		return List.of(houseFigure("houses.surveyed", ""), houseFigure("houses.operating", "AND t.operating"),
				houseFigure("houses.hazardous", "AND t.hazard"),
				houseFigure("houses.appraised", "AND t.appraisal_state = 'done' AND t.appraised_on <= :toDay"));
	}

	private static FigureDef houseFigure(String key, String condition) {
		return FigureDef.of(key, ReportSection.HOUSES, "栋", FigureDef.COUNT, HOUSES.formatted(condition), Map.of());
	}

}
