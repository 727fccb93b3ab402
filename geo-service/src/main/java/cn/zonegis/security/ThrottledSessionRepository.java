package cn.zonegis.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletRequest;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's JDBC store, asked less often. Every request of a logged-in user used
 * to read its session twice (Spring Session's filter reads it again after saving it) and
 * write it once, only to move its last-access time: three transactions and a WAL flush
 * around a query of a millisecond. Here a session is read once per request, and a request
 * that changed nothing but the last-access time writes it only when the stored one is
 * {@link #TOUCH_INTERVAL} old. A session lives for hours, so it may end up to that
 * interval early; any other change (login, logout, an attribute, a new id) is written at
 * once.
 *
 * @param <S> the store's own session type
 */
final class ThrottledSessionRepository<S extends Session>
		implements FindByIndexNameSessionRepository<ThrottledSessionRepository.TrackedSession<S>> {

	static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	/**
	 * The session read by the request on this thread; {@link #suspendReads} clears it
	 * when a dispatch of the request ends.
	 */
	private static final ThreadLocal<TrackedSession<?>> READ_IN_THIS_REQUEST = new ThreadLocal<>();

	/** The request attribute keeping the session read between dispatches of a request. */
	private static final String READ_ATTRIBUTE = ThrottledSessionRepository.class.getName() + ".read";

	/** Set while the store reads one session by id (see {@link SessionStore}). */
	private static final ThreadLocal<Boolean> READING_BY_ID = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<S> store;

	ThrottledSessionRepository(FindByIndexNameSessionRepository<S> store) {
		this.store = store;
	}

	/**
	 * Called when a dispatch of a request starts: the session an earlier dispatch of the
	 * same request read is read no more.
	 */
	static void resumeReads(ServletRequest request) {
		if (request.getAttribute(READ_ATTRIBUTE) instanceof TrackedSession<?> read) {
			READ_IN_THIS_REQUEST.set(read);
		}
		else {
			READ_IN_THIS_REQUEST.remove();
		}
	}

	/**
	 * Called when a dispatch of a request ends: the session it read goes with the request
	 * (to its async or error dispatch), not with the thread to the next request.
	 */
	static void suspendReads(ServletRequest request) {
		request.setAttribute(READ_ATTRIBUTE, READ_IN_THIS_REQUEST.get());
		READ_IN_THIS_REQUEST.remove();
	}

	/** Whether the store is reading one session by id on this thread. */
	static boolean readingById() {
		return READING_BY_ID.get() != null;
	}

	@Override
	public TrackedSession<S> createSession() {
		return new TrackedSession<>(this.store.createSession(), null);
	}

	@Override
	public void save(TrackedSession<S> session) {
		if (session.stored == null || session.changed
				|| !session.getLastAccessedTime().isBefore(session.stored.plus(TOUCH_INTERVAL))) {
			this.store.save(session.session);
			session.stored = session.getLastAccessedTime();
			session.changed = false;
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public TrackedSession<S> findById(String id) {
		TrackedSession<?> read = READ_IN_THIS_REQUEST.get();
		if (read != null && read.getId().equals(id)) {
			return (TrackedSession<S>) read;
		}
		S found;
		READING_BY_ID.set(Boolean.TRUE);
		try {
			found = this.store.findById(id);
		}
		finally {
			READING_BY_ID.remove();
		}
		if (found == null) {
			return null;
		}
		TrackedSession<S> tracked = new TrackedSession<>(found, found.getLastAccessedTime());
		READ_IN_THIS_REQUEST.set(tracked);
		return tracked;
	}

	@Override
	public void deleteById(String id) {
		READ_IN_THIS_REQUEST.remove();
		this.store.deleteById(id);
	}

	@Override
	public Map<String, TrackedSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, TrackedSession<S>> found = new LinkedHashMap<>();
		this.store.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new TrackedSession<>(session, session.getLastAccessedTime())));
		return found;
	}

	/**
	 * A stored session that knows whether anything but its last-access time has changed.
	 *
	 * @param <S> the store's own session type
	 */
	static final class TrackedSession<S extends Session> implements Session {

		private final S session;

		/** Last access as stored, or null for a session not stored yet. */
		private Instant stored;

		private boolean changed;

		private TrackedSession(S session, Instant stored) {
			this.session = session;
			this.stored = stored;
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.changed = true;
			this.session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.changed = true;
			this.session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.session.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
