package cn.zonegis.workorder;

import cn.zonegis.ApiProblem;
import org.locationtech.jts.geom.Geometry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Lists and counts work orders for the actor: a crew member's lists hold only their
 * crew's orders. The actor is resolved while the request is still on its thread; the list
 * is streamed after.
 */
@Service
class WorkOrderQueryService {

	/** Most orders a list returns: a board shows the open ones, an export takes pages. */
	static final int MAX_LIMIT = 5000;

	/** Farther than this from a road is not "on" it. */
	static final double MAX_ROAD_DISTANCE_M = 2000;

	private final WorkOrderQueries queries;

	private final Actor.Resolver actors;

	private final AssetLookup assets;

	WorkOrderQueryService(WorkOrderQueries queries, Actor.Resolver actors, AssetLookup assets) {
		this.queries = queries;
		this.actors = actors;
		this.assets = assets;
	}

	StreamingResponseBody list(WorkOrderFilter filter, int limit) {
		Actor actor = this.actors.current();
		int checked = limit(limit);
		return (out) -> this.queries.writeList(filter, actor, checked, out);
	}

	@Transactional(readOnly = true)
	StreamingResponseBody nearRoad(String road, double distanceM, WorkOrderFilter filter, int limit) {
		Actor actor = this.actors.current();
		int checked = limit(limit);
		String name = (road == null) ? "" : road.strip();
		if (name.isEmpty() || name.length() > 100) {
			throw ApiProblem.badRequest("invalid-parameter", "workorder.road.name").with("parameter", "name");
		}
		if (!Double.isFinite(distanceM) || distanceM < 0 || distanceM > MAX_ROAD_DISTANCE_M) {
			throw ApiProblem
				.badRequest("invalid-parameter", "workorder.road.distance", String.valueOf((int) MAX_ROAD_DISTANCE_M))
				.with("parameter", "distance");
		}
		Geometry line = this.assets.road(name)
			.orElseThrow(() -> ApiProblem.notFound("workorder.road.unknown", name).with("parameter", "name"));
		return (out) -> this.queries.writeNearRoad(line, distanceM, filter, actor, checked, out);
	}

	@Transactional(readOnly = true)
	WorkOrderQueries.Stats stats(WorkOrderFilter filter) {
		return this.queries.stats(filter, this.actors.current());
	}

	private static int limit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiProblem.badRequest("invalid-parameter", "workorder.limit", String.valueOf(MAX_LIMIT))
				.with("parameter", "limit");
		}
		return limit;
	}

}
