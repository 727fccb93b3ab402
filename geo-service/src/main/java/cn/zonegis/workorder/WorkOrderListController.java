package cn.zonegis.workorder;

import cn.zonegis.geo.GeoJson;
import cn.zonegis.geo.ZoneTime;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Work orders as GeoJSON lists for the board and the map, and their counts. */
@RestController
class WorkOrderListController {

	private final WorkOrderQueryService queries;

	private final ZoneTime zoneTime;

	WorkOrderListController(WorkOrderQueryService queries, ZoneTime zoneTime) {
		this.queries = queries;
		this.zoneTime = zoneTime;
	}

	@GetMapping("/api/workorders")
	ResponseEntity<StreamingResponseBody> list(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) String state, @RequestParam(required = false) String kind,
			@RequestParam(required = false) Long crewId, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String dueFrom, @RequestParam(required = false) String dueTo,
			@RequestParam(defaultValue = "1000") int limit) {
		WorkOrderFilter filter = WorkOrderFilter.parse(bbox, state, kind, crewId, overdue, from, to, this.zoneTime)
			.dueWithin(dueFrom, dueTo, this.zoneTime);
		return ResponseEntity.ok().contentType(GeoJson.MEDIA_TYPE).body(this.queries.list(filter, limit));
	}

	@GetMapping("/api/workorders/near-road")
	ResponseEntity<StreamingResponseBody> nearRoad(@RequestParam String name,
			@RequestParam(defaultValue = "50") double distance, @RequestParam(required = false) String state,
			@RequestParam(required = false) String kind, @RequestParam(defaultValue = "1000") int limit) {
		WorkOrderFilter filter = WorkOrderFilter.parse(null, state, kind, null, null, null, null, this.zoneTime);
		return ResponseEntity.ok()
			.contentType(GeoJson.MEDIA_TYPE)
			.body(this.queries.nearRoad(name, distance, filter, limit));
	}

	@GetMapping("/api/workorders/stats")
	WorkOrderQueries.Stats stats(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Long crewId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return this.queries.stats(WorkOrderFilter.parse(bbox, null, kind, crewId, null, from, to, this.zoneTime));
	}

}
