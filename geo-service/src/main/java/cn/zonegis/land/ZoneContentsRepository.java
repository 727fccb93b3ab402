package cn.zonegis.land;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import cn.zonegis.geo.MeasureSql;
import cn.zonegis.geo.SridSql;
import cn.zonegis.geo.Wkb;
import org.locationtech.jts.geom.Geometry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What lies inside or across an expansion zone, with the area inside in the measuring
 * CRS. The zone's shape is the query shape: the GiST indexes of parcel and enterprise
 * serve it.
 */
@Repository
class ZoneContentsRepository {

	private static final String SHAPE = "SELECT ST_AsBinary(z.geom) FROM zonegis.expansion_zone z WHERE z.id = :id";

	private static final String ZONE = """
			SELECT z.id, z.code, z.name, z.kind, z.status,
				ST_Area(ST_Transform(z.geom, {measureSrid})) AS area_m2
			FROM zonegis.expansion_zone z WHERE z.id = :id
			""";

	/**
	 * Cancelled parcels no longer exist on the ground; recovered ones are land the zone
	 * holds again. A parcel's own area is measured and rounded as its feature states it
	 * (each unit from the boundary's area, not from the rounded m²).
	 */
	private static final String PARCELS = """
			SELECT t.id, t.code, t.name, t.status, t.land_use, t.holder,
				ST_CoveredBy(t.geom, z.geom) AS inside,
				%s AS area_m2, %s AS area_mu, %s AS area_ha,
				ST_Area(ST_Transform(ST_Intersection(t.geom, z.geom), {measureSrid})) AS inside_m2
			FROM zonegis.parcel t JOIN zonegis.expansion_zone z ON ST_Intersects(t.geom, z.geom)
			WHERE z.id = :id AND t.status <> :cancelled
				AND NOT ST_IsEmpty(ST_CollectionExtract(ST_Intersection(t.geom, z.geom), 3))
			ORDER BY t.code
			""".formatted(MeasureSql.AREA_M2, MeasureSql.AREA_MU, MeasureSql.AREA_HA);

	/**
	 * Parcels per zone and state, with the plane area inside the zone: the same parcels
	 * and areas as a zone's contents, so the overview and the zone's list agree.
	 */
	private static final String LAND_BY_ZONE = """
			SELECT z.id, z.code, z.name, p.status, count(p.id) AS parcels,
				round((coalesce(sum(ST_Area(ST_Transform(ST_Intersection(p.geom, z.geom), {measureSrid}))), 0)
					* 15 / 10000)::numeric, 2) AS area_mu
			FROM zonegis.expansion_zone z LEFT JOIN zonegis.parcel p ON ST_Intersects(p.geom, z.geom)
				AND p.status <> :cancelled AND NOT ST_IsEmpty(ST_CollectionExtract(ST_Intersection(p.geom, z.geom), 3))
			GROUP BY z.id, z.code, z.name, p.status
			ORDER BY z.code, z.id
			""";

	/**
	 * An enterprise is where its footprint is, or its point when no footprint was drawn.
	 */
	private static final String ENTERPRISES = """
			SELECT e.id, e.name, e.industry, e.is_chemical, e.relocation_state, e.employees,
				ST_CoveredBy(coalesce(e.footprint, e.geom), z.geom) AS inside,
				coalesce(ST_Area(ST_Transform(e.footprint, {measureSrid})), 0) AS area_m2,
				coalesce(ST_Area(ST_Transform(ST_Intersection(e.footprint, z.geom), {measureSrid})), 0) AS inside_m2
			FROM zonegis.enterprise e JOIN zonegis.expansion_zone z
				ON ST_Intersects(e.geom, z.geom) OR ST_Intersects(e.footprint, z.geom)
			WHERE z.id = :id
			ORDER BY e.name
			""";

	private final JdbcClient jdbc;

	private final SridSql srids;

	ZoneContentsRepository(JdbcClient jdbc, SridSql srids) {
		this.jdbc = jdbc;
		this.srids = srids;
	}

	Optional<ZoneContents.Zone> zone(long id) {
		return sql(ZONE, id)
			.query((rs, i) -> new ZoneContents.Zone(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("kind"), rs.getString("status"), ZoneContents.Measure.of(rs.getDouble("area_m2"))))
			.optional();
	}

	/** The zone's boundary, EPSG:4490. */
	Geometry shape(long id) {
		return this.jdbc.sql(SHAPE).param("id", id).query((rs, i) -> Wkb.read(rs.getBytes(1))).single();
	}

	List<ZoneContents.ParcelInZone> parcels(long id) {
		return sql(PARCELS, id).param("cancelled", ParcelLifecycle.CANCELLED.code())
			.query((rs, i) -> new ZoneContents.ParcelInZone(rs.getLong("id"), rs.getString("code"),
					rs.getString("name"), rs.getString("status"), rs.getString("land_use"), rs.getString("holder"),
					relation(rs.getBoolean("inside")),
					new ZoneContents.Measure(rs.getDouble("area_m2"), rs.getDouble("area_mu"), rs.getDouble("area_ha")),
					ZoneContents.Measure.of(rs.getDouble("inside_m2"))))
			.list();
	}

	List<ZoneContents.EnterpriseInZone> enterprises(long id) {
		return sql(ENTERPRISES, id)
			.query((rs, i) -> new ZoneContents.EnterpriseInZone(rs.getLong("id"), rs.getString("name"),
					rs.getString("industry"), rs.getBoolean("is_chemical"), rs.getString("relocation_state"),
					rs.getObject("employees", Integer.class), relation(rs.getBoolean("inside")),
					ZoneContents.Measure.of(rs.getDouble("inside_m2"))))
			.list();
	}

	/**
	 * One row per zone and state; a zone without parcels has one row with a null state.
	 */
	List<ZoneLandRow> landByZone() {
		return this.jdbc.sql(this.srids.render(LAND_BY_ZONE))
			.param("cancelled", ParcelLifecycle.CANCELLED.code())
			.query((rs, i) -> new ZoneLandRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("status"), rs.getLong("parcels"), rs.getBigDecimal("area_mu")))
			.list();
	}

	record ZoneLandRow(long zoneId, String code, String name, String status, long parcels, BigDecimal areaMu) {
	}

	private JdbcClient.StatementSpec sql(String sql, long id) {
		return this.jdbc.sql(this.srids.render(sql)).param("id", id);
	}

	static String relation(boolean inside) {
		return inside ? "inside" : "crossing";
	}

}
