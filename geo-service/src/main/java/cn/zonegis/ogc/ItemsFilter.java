package cn.zonegis.ogc;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.ZoneTime;
import cn.zonegis.ogc.cql.Cql;
import cn.zonegis.ogc.cql.CqlException;
import cn.zonegis.ogc.cql.CqlJsonParser;
import cn.zonegis.ogc.cql.CqlLimits;
import cn.zonegis.ogc.cql.CqlSqlCompiler;
import cn.zonegis.ogc.cql.CqlTextParser;

import org.springframework.stereotype.Component;

/**
 * The filter, filter-lang and filter-crs parameters (OGC API - Features Part 3) as one
 * SQL condition.
 */
@Component
class ItemsFilter {

	/**
	 * Longer filters are refused before parsing: a URL of this size is no hand-written
	 * query.
	 */
	private static final int MAX_LENGTH = 20_000;

	private final QueryableCatalog queryables;

	private final CrsCatalog crs;

	private final ZoneTime zoneTime;

	ItemsFilter(QueryableCatalog queryables, CrsCatalog crs, ZoneTime zoneTime) {
		this.queryables = queryables;
		this.crs = crs;
		this.zoneTime = zoneTime;
	}

	void apply(CollectionDef def, String filter, String language, String filterCrs, SqlWhere where) {
		Crs geometryCrs = this.crs.parse("filter-crs", filterCrs);
		if (filter == null) {
			if (language != null && !"cql2-text".equals(language) && !"cql2-json".equals(language)) {
				throw unknownLanguage(language);
			}
			return;
		}
		if (filter.length() > MAX_LENGTH) {
			throw invalid("longer than " + MAX_LENGTH + " characters");
		}
		try {
			CqlLimits.checkText(filter);
			Cql tree = switch ((language == null) ? "cql2-text" : language) {
				case "cql2-text" -> CqlTextParser.parse(filter, this.zoneTime);
				case "cql2-json" -> CqlJsonParser.parse(filter, this.zoneTime);
				default -> throw unknownLanguage(language);
			};
			CqlLimits.check(tree);
			where.and(new CqlSqlCompiler((name) -> this.queryables.get(def, name), where, geometryCrs, this.zoneTime)
				.compile(tree));
		}
		catch (CqlException ex) {
			throw invalid(ex.getMessage());
		}
	}

	private static ApiProblem invalid(String reason) {
		return ApiProblem.badRequest("invalid-filter", "problem.filter.invalid", reason).with("parameter", "filter");
	}

	private static ApiProblem unknownLanguage(String language) {
		return ApiProblem.badRequest("invalid-parameter", "problem.filter.language", language)
			.with("parameter", "filter-lang");
	}

}
