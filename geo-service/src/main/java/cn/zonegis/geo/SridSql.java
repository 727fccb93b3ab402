package cn.zonegis.geo;

import org.springframework.stereotype.Component;

/**
 * Writes the zone's two CRSs into SQL text: {@code {storageSrid}} becomes EPSG:4490, the
 * CRS of every stored geometry, and {@code {measureSrid}} the configured Gauss-Kruger CRS
 * of official areas and lengths. Both come from code and configuration, never from a
 * request, so they are written into the text rather than bound.
 */
@Component
public class SridSql {

	private static final String STORAGE = "{storageSrid}";

	private static final String MEASURE = "{measureSrid}";

	private final String measureSrid;

	public SridSql(GeoProperties geo) {
		this.measureSrid = Integer.toString(geo.measureSrid());
	}

	/** The SQL with both SRIDs written in. */
	public String render(String sql) {
		return storage(sql).replace(MEASURE, this.measureSrid);
	}

	/**
	 * The SQL with the storage SRID written in, for text that measures nothing: a
	 * constant can be rendered once where it is declared.
	 */
	public static String storage(String sql) {
		return sql.replace(STORAGE, Integer.toString(Srid.CGCS2000));
	}

}
