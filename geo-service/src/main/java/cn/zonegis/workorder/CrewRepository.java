package cn.zonegis.workorder;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A crew to dispatch to, and the active crews measured against an order. The crews as a
 * layer (/api/crews, with their open workload) are declared in
 * {@link WorkOrderCollections}.
 */
@Repository
class CrewRepository {

	private static final String FIND = """
			SELECT t.id, t.name, t.active FROM zonegis.crew t WHERE t.id = :id
			""";

	/**
	 * Straight-line distance on the CGCS2000 ellipsoid from the crew's base to the order.
	 */
	private static final String CANDIDATES = """
			SELECT t.id, t.name, t.skills, :kind = ANY (t.skills) AS skill_match,
				ST_Distance(t.geom::geography, o.geom::geography) AS distance_m, %s AS open_workload
			FROM zonegis.crew t, zonegis.work_order o
			WHERE o.id = :orderId AND t.active
			""".formatted(WorkOrderCollections.OPEN_WORKLOAD);

	private final JdbcClient jdbc;

	CrewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CrewView> find(long id) {
		return this.jdbc.sql(FIND).param("id", id).query(CrewRepository::map).optional();
	}

	/** Every active crew, unranked, measured against the order. */
	List<CrewSuggestion> candidates(long orderId, String kind) {
		return this.jdbc.sql(CANDIDATES)
			.param("orderId", orderId)
			.param("kind", kind)
			.query((rs, i) -> new CrewSuggestion(rs.getLong("id"), rs.getString("name"), skills(rs),
					rs.getBoolean("skill_match"), Math.round(rs.getDouble("distance_m") * 10) / 10.0,
					rs.getInt("open_workload")))
			.list();
	}

	private static CrewView map(ResultSet rs, int row) throws SQLException {
		return new CrewView(rs.getLong("id"), rs.getString("name"), rs.getBoolean("active"));
	}

	private static List<String> skills(ResultSet rs) throws SQLException {
		Array skills = rs.getArray("skills");
		return Arrays.asList((String[]) skills.getArray());
	}

	/** A crew an order may be dispatched to. */
	record CrewView(long id, String name, boolean active) {
	}

}
