package cn.zonegis.land;

import java.util.List;

import cn.zonegis.geo.SridSql;
import cn.zonegis.geo.Wkb;
import org.locationtech.jts.geom.Envelope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for parcels in the measuring plane: transformed by PostGIS, read as WKB. */
@Repository
class ParcelPlanRepository {

	private static final String BOUNDARY = """
			SELECT ST_AsBinary(ST_Transform(geom, :srid)) AS wkb FROM zonegis.parcel WHERE id = :id
			""";

	/**
	 * Transform the query box to the stored CRS, never the column, so the GiST index is
	 * used.
	 */
	private static final String NEIGHBOURS = SridSql.storage("""
			SELECT code, ST_AsBinary(ST_Transform(geom, :srid)) AS wkb
			FROM zonegis.parcel
			WHERE ST_Intersects(geom, ST_Transform(ST_MakeEnvelope(:minE, :minN, :maxE, :maxN, :srid), {storageSrid}))
				AND id <> :id AND status NOT IN (:ended)
			ORDER BY code
			""");

	private final JdbcClient jdbc;

	ParcelPlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	byte[] boundary(long id, int srid) {
		return this.jdbc.sql(BOUNDARY).param("id", id).param("srid", srid).query(byte[].class).single();
	}

	List<ParcelPlans.Neighbour> neighbours(long id, Envelope extent, int srid) {
		return this.jdbc.sql(NEIGHBOURS)
			.param("id", id)
			.param("srid", srid)
			.param("minE", extent.getMinX())
			.param("minN", extent.getMinY())
			.param("maxE", extent.getMaxX())
			.param("maxN", extent.getMaxY())
			.param("ended", ParcelLifecycle.endedCodes())
			.query((rs, i) -> new ParcelPlans.Neighbour(rs.getString("code"), Wkb.read(rs.getBytes("wkb"))))
			.list();
	}

}
