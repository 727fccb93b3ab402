package cn.zonegis.asset;

import cn.zonegis.geo.MeasureSql;

import org.springframework.stereotype.Component;

/**
 * The assets as rows of the half-year report, for the work-order feature's municipal
 * figures, which count the assets entered in the period beside the work recorded on
 * orders.
 */
@Component
public class AssetReportRows {

	/** Pipes and cables count by their length, wells and lights one each. */
	private static final String ENTERED = """
			SELECT t.id, 'pipes' AS layer, t.code AS label, %1$s AS amount, t.geom, t.kind, t.created_at,
				'pipe' AS asset_table
			FROM zonegis.pipe t
			UNION ALL
			SELECT t.id, 'cables', t.code, %1$s, t.geom, NULL, t.created_at, 'cable'
			FROM zonegis.cable t
			UNION ALL
			SELECT t.id, 'wells', t.code, 1, t.geom, t.kind, t.created_at, 'well'
			FROM zonegis.well t
			UNION ALL
			SELECT t.id, 'streetlights', t.code, 1, t.geom, NULL, t.created_at, 'streetlight'
			FROM zonegis.streetlight t
			""".formatted(MeasureSql.LENGTH_M);

	/**
	 * Every pipe, cable, well and streetlight as id, layer, label, amount, geom, kind
	 * (NULL where the table has none), created_at and asset_table (the table a work kind
	 * names).
	 */
	public String entered() {
		return ENTERED;
	}

}
