package cn.zonegis.geo;

/**
 * SQL expressions for official measures over alias {@code t}: plane area and length in
 * the measuring Gauss-Kruger CRS ({@code {measureSrid}}, written in by {@link SridSql}),
 * rounded as the bureau reports them.
 */
public final class MeasureSql {

	public static final String AREA_M2 = "round(ST_Area(ST_Transform(t.geom, {measureSrid}))::numeric, 2)";

	public static final String AREA_MU = "round((ST_Area(ST_Transform(t.geom, {measureSrid})) * 15 / 10000)::numeric, 4)";

	public static final String AREA_HA = "round((ST_Area(ST_Transform(t.geom, {measureSrid})) / 10000)::numeric, 4)";

	public static final String PERIMETER_M = "round(ST_Perimeter(ST_Transform(t.geom, {measureSrid}))::numeric, 2)";

	/** The area on the CGCS2000 ellipsoid, shown beside the official plane area. */
	public static final String ELLIPSOIDAL_AREA_M2 = "round(ST_Area(t.geom::geography)::numeric, 2)";

	public static final String LENGTH_M = "round(ST_Length(ST_Transform(t.geom, {measureSrid}))::numeric, 2)";

	private MeasureSql() {
	}

}
