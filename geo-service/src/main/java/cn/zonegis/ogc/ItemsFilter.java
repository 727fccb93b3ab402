package cn.zonegis.ogc;

import cn.zonegis.ApiProblem;

import org.springframework.stereotype.Component;

/** The filter, filter-lang and filter-crs parameters (OGC API - Features Part 3). */
@Component
class ItemsFilter {

	void apply(CollectionDef def, String filter, String language, String filterCrs, SqlWhere where) {
		if (filter != null) {
			throw ApiProblem.badRequest("invalid-filter", "problem.filter.invalid", filter).with("parameter", "filter");
		}
	}

}
