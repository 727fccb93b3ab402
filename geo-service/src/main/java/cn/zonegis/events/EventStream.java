package cn.zonegis.events;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import cn.zonegis.NotificationChannel;
import cn.zonegis.security.AppUser;
import cn.zonegis.security.AppUserRepository;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open /api/events streams of this instance. A committed change event is announced on
 * channel zonegis_events; this instance then reads every event after the last one it
 * passed on and sends each to the streams it is for, on a thread of its own so the shared
 * listener never waits for the database or a slow client.
 */
@Component
class EventStream implements NotificationChannel, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventStream.class);

	/** A stream is closed after this long; the browser reconnects with Last-Event-ID. */
	private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

	/** Events are kept this long for a reconnecting browser. */
	private static final Duration RETENTION = Duration.ofDays(3);

	private static final int PAGE = 500;

	private final EventRepository events;

	private final AppUserRepository users;

	private final RoleHierarchy roles;

	private final JsonMapper json;

	private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	private final ExecutorService fanOut = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "change-events");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean running;

	/**
	 * The last event passed on to the streams, while any is open; set by the first stream
	 * to open.
	 */
	private long lastFanned;

	EventStream(EventRepository events, AppUserRepository users, RoleHierarchy roles, JsonMapper json) {
		this.events = events;
		this.users = users;
		this.roles = roles;
		this.json = json;
	}

	@Override
	public String channel() {
		return EventRepository.CHANNEL;
	}

	@Override
	public void heard(String payload) {
		this.fanOut.execute(this::passOn);
	}

	/** Back after an outage: pass on what was committed meanwhile. */
	@Override
	public void listening(boolean on) {
		if (on) {
			this.fanOut.execute(this::passOn);
		}
	}

	/**
	 * A stream for the current user: first the events after lastEventId (a reconnecting
	 * browser's Last-Event-ID) that are theirs, then each new one as it commits.
	 */
	SseEmitter subscribe(Long lastEventId) {
		Subscriber subscriber = new Subscriber(currentListener(), new SseEmitter(STREAM_LIFETIME.toMillis()));
		subscriber.emitter.onCompletion(() -> this.subscribers.remove(subscriber));
		subscriber.emitter.onTimeout(subscriber.emitter::complete);
		subscriber.emitter.onError((ex) -> this.subscribers.remove(subscriber));
		synchronized (this.subscribers) {
			long latest = this.events.latestId();
			// An id from the future (a database restored from an older backup) would
			// silence the stream: it resumes from the newest event instead.
			subscriber.lastSent = (lastEventId != null) ? Math.min(lastEventId, latest) : latest;
			sendAfter(subscriber.lastSent, List.of(subscriber));
			// A comment first, so the browser sees the stream open even when nothing is
			// due.
			send(subscriber, SseEmitter.event().comment("open"));
			if (this.subscribers.isEmpty()) {
				// Nothing was read while no stream was open: fan out from here on.
				this.lastFanned = subscriber.lastSent;
			}
			this.subscribers.add(subscriber);
		}
		return subscriber.emitter;
	}

	/**
	 * Sends what was committed since the last fan-out to the open streams. With none open
	 * nothing is read: every committed write notifies, and most instances of a busy
	 * service have no stream open most of the time.
	 */
	private void passOn() {
		try {
			synchronized (this.subscribers) {
				if (!this.subscribers.isEmpty()) {
					this.lastFanned = sendAfter(this.lastFanned, this.subscribers);
				}
			}
		}
		catch (RuntimeException ex) {
			// The next notification or reconnect passes on what this one could not.
			log.warn("Could not pass change events on ({})", ex.getMessage());
		}
	}

	/** Sends each event after that id to those of the subscribers it is for. */
	private long sendAfter(long after, List<Subscriber> to) {
		long last = after;
		List<ChangeEvent> page;
		do {
			page = this.events.after(last, PAGE);
			for (ChangeEvent event : page) {
				String data = this.json.writeValueAsString(toJson(event));
				for (Subscriber subscriber : to) {
					if (event.id() > subscriber.lastSent && event.isFor(subscriber.listener)) {
						send(subscriber, SseEmitter.event().id(Long.toString(event.id())).data(data));
					}
					subscriber.lastSent = Math.max(subscriber.lastSent, event.id());
				}
				last = event.id();
			}
		}
		while (page.size() == PAGE);
		return last;
	}

	private ObjectNode toJson(ChangeEvent event) {
		ObjectNode node = this.json.createObjectNode();
		node.put("id", event.id());
		node.put("type", event.type());
		node.put("subjectId", event.subjectId());
		node.put("actor", event.actor());
		node.put("at", event.at().toString());
		node.set("data", this.json.readTree(event.data()));
		return node;
	}

	/** A comment on every stream, so proxies and browsers keep an idle one open. */
	@Scheduled(fixedDelayString = "${zonegis.events.heartbeat:PT20S}")
	void heartbeat() {
		for (Subscriber subscriber : this.subscribers) {
			send(subscriber, SseEmitter.event().comment("heartbeat"));
		}
	}

	@Scheduled(fixedDelayString = "PT1H")
	void prune() {
		this.events.prune(RETENTION);
	}

	private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
		try {
			subscriber.emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// The browser went away; it reconnects with Last-Event-ID if it comes back.
			this.subscribers.remove(subscriber);
		}
	}

	private EventListener currentListener() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		Set<String> held = this.roles.getReachableGrantedAuthorities(auth.getAuthorities())
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith("ROLE_"))
			.map((a) -> a.substring("ROLE_".length()))
			.collect(Collectors.toUnmodifiableSet());
		Long crewId = this.users.findByUsername(auth.getName()).map(AppUser::crewId).orElse(null);
		return new EventListener(auth.getName(), held, crewId);
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every stream before the web server's graceful shutdown, which would otherwise
	 * wait for them; the browsers reconnect to another instance.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.subscribers.forEach((subscriber) -> subscriber.emitter.complete());
		this.subscribers.clear();
	}

	/** Stopped contexts may start again (tests pause them): the thread goes only here. */
	@PreDestroy
	void close() {
		this.fanOut.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private static final class Subscriber {

		private final EventListener listener;

		private final SseEmitter emitter;

		/** The newest event this stream has been sent or skipped. */
		private long lastSent;

		private Subscriber(EventListener listener, SseEmitter emitter) {
			this.listener = listener;
			this.emitter = emitter;
		}

	}

}
