package cn.zonegis.workorder;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.SridSql;
import cn.zonegis.geo.ZoneTime;
import cn.zonegis.ogc.RowScope;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which work orders a list or a count covers: in a box, in some states or kinds, of a
 * crew, overdue, created in a period, and always only what the actor may see.
 *
 * @param bbox lon/lat box, or null
 * @param states state values, empty for all
 * @param kinds kind values, empty for all
 * @param crewId the crew's orders only, or null
 * @param overdue only overdue orders
 * @param from created at or after, or null
 * @param to created before, or null
 * @param dueFrom due at or after, or null
 * @param dueTo due before, or null
 */
record WorkOrderFilter(BBox bbox, List<String> states, List<String> kinds, Long crewId, boolean overdue,
		OffsetDateTime from, OffsetDateTime to, OffsetDateTime dueFrom, OffsetDateTime dueTo) {

	/** A date in from or to is the zone's whole day; "to" includes it. */
	static WorkOrderFilter parse(String bbox, String state, String kind, Long crewId, Boolean overdue, String from,
			String to, ZoneTime zoneTime) {
		return new WorkOrderFilter(BBox.parse("bbox", bbox),
				values("state", state, (v) -> WorkOrderLifecycle.of(v).map(WorkOrderLifecycle::value)),
				values("kind", kind, (v) -> WorkOrderKind.of(v).map(WorkOrderKind::value)), crewId,
				Boolean.TRUE.equals(overdue), time("from", from, zoneTime).start(), time("to", to, zoneTime).end(),
				null, null);
	}

	/**
	 * The same filter narrowed to orders due in a period, read like from and to: the
	 * orders a month's service level is measured on.
	 */
	WorkOrderFilter dueWithin(String dueFrom, String dueTo, ZoneTime zoneTime) {
		return new WorkOrderFilter(this.bbox, this.states, this.kinds, this.crewId, this.overdue, this.from, this.to,
				time("dueFrom", dueFrom, zoneTime).start(), time("dueTo", dueTo, zoneTime).end());
	}

	/** The SQL condition over alias t, its values bound into params. */
	String where(Actor actor, MapSqlParameterSource params) {
		List<String> conditions = new ArrayList<>(List.of("TRUE"));
		if (this.bbox != null) {
			// The box is built as a geometry so the GiST index on the stored points is
			// used.
			conditions
				.add(SridSql.storage("t.geom && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, {storageSrid})"));
			params.addValue("minLon", this.bbox.minLon())
				.addValue("minLat", this.bbox.minLat())
				.addValue("maxLon", this.bbox.maxLon())
				.addValue("maxLat", this.bbox.maxLat());
		}
		if (!this.states.isEmpty()) {
			conditions.add("t.state IN (:states)");
			params.addValue("states", this.states);
		}
		if (!this.kinds.isEmpty()) {
			conditions.add("t.kind IN (:kinds)");
			params.addValue("kinds", this.kinds);
		}
		addWhenSet(conditions, params, "t.crew_id = :crewId", "crewId", this.crewId);
		if (this.overdue) {
			conditions.add(WorkOrderCollections.OVERDUE);
		}
		addWhenSet(conditions, params, "t.created_at >= :from", "from", this.from);
		addWhenSet(conditions, params, "t.created_at < :to", "to", this.to);
		addWhenSet(conditions, params, "t.due_at >= :dueFrom", "dueFrom", this.dueFrom);
		addWhenSet(conditions, params, "t.due_at < :dueTo", "dueTo", this.dueTo);
		RowScope.Restriction readable = actor.readableOrders();
		if (readable != null) {
			conditions.add("(" + readable.condition() + ")");
			params.addValues(readable.params());
		}
		return String.join(" AND ", conditions);
	}

	/** Adds the condition, binding its one parameter, when the filter sets a value. */
	private static void addWhenSet(List<String> conditions, MapSqlParameterSource params, String condition, String name,
			Object value) {
		if (value != null) {
			conditions.add(condition);
			params.addValue(name, value);
		}
	}

	private static List<String> values(String parameter, String text, Function<String, Optional<String>> known) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(","))
			.map(String::strip)
			.map((v) -> known.apply(v)
				.orElseThrow(() -> ApiProblem.badRequest("invalid-parameter", "workorder.filter.value", parameter, v)
					.with("parameter", parameter)))
			.distinct()
			.toList();
	}

	private static ZoneTime.Span time(String parameter, String text, ZoneTime zoneTime) {
		if (text == null || text.isBlank()) {
			return new ZoneTime.Span(null, null, false);
		}
		try {
			return zoneTime.read(text);
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.badRequest("invalid-parameter", "workorder.filter.time", parameter, text)
				.with("parameter", parameter);
		}
	}

}
