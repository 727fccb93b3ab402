package cn.zonegis.events;

import cn.zonegis.ApiProblem;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * GET /api/events: the changes and notices for the logged-in user as Server-Sent Events,
 * resumed after the Last-Event-ID a reconnecting browser sends.
 */
@RestController
class EventController {

	private final EventStream stream;

	EventController(EventStream stream) {
		this.stream = stream;
	}

	/** X-Accel-Buffering: nginx passes each event on at once instead of buffering. */
	@GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> events(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		return ResponseEntity.ok().header("X-Accel-Buffering", "no").body(this.stream.subscribe(parse(lastEventId)));
	}

	private static Long parse(String lastEventId) {
		if (lastEventId == null || lastEventId.isEmpty()) {
			return null;
		}
		try {
			long id = Long.parseLong(lastEventId);
			if (id >= 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// Refused below, with the header named.
		}
		throw ApiProblem.badRequest("invalid-last-event-id", "events.lastEventId.invalid", lastEventId)
			.with("header", "Last-Event-ID");
	}

}
