package cn.zonegis.events;

import cn.zonegis.ApiProblem;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
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

	/**
	 * Resumes after the Last-Event-ID header the browser sends when it reconnects, or
	 * after the lastEventId parameter of a page that opens a new stream itself (the
	 * browser gives up on a stream answered with an error status). X-Accel-Buffering:
	 * nginx passes each event on at once instead of buffering.
	 */
	@GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> events(@RequestHeader(name = "Last-Event-ID", required = false) String header,
			@RequestParam(name = "lastEventId", required = false) String parameter) {
		Long lastEventId = (header != null) ? parse(header, "header", "Last-Event-ID")
				: parse(parameter, "parameter", "lastEventId");
		return ResponseEntity.ok().header("X-Accel-Buffering", "no").body(this.stream.subscribe(lastEventId));
	}

	/**
	 * @param where "header" or "parameter", named in a refusal with the name
	 */
	private static Long parse(String lastEventId, String where, String name) {
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
			.with(where, name);
	}

}
