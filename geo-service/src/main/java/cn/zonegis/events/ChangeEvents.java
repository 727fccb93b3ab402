package cn.zonegis.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.zonegis.CommitHook;
import cn.zonegis.security.AuditLog;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a feature announces a change for the live updates of the web map (GET
 * /api/events). An event is kept with the transaction that makes the change and written
 * just before it commits, so it exists only if the change does; other instances and this
 * one hear of it through PostgreSQL NOTIFY, delivered at commit ({@link EventStream}).
 */
@Service
public class ChangeEvents implements CommitHook {

	private final EventRepository events;

	private final JsonMapper json;

	ChangeEvents(EventRepository events, JsonMapper json) {
		this.events = events;
		this.json = json;
	}

	/**
	 * Announces a change made by the current user, inside the read-write transaction that
	 * makes it.
	 * @param type what happened, e.g. {@code parcel.changed}
	 * @param subjectId the id of the changed object
	 * @param data what the web map shows and needs to find it (state, version, code…)
	 * @param audience who hears it; the user who made the change does not; an event no
	 * one hears (an order with no crew yet) is not kept
	 */
	public void publish(String type, long subjectId, Map<String, Object> data, Audience audience) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			throw new IllegalStateException("a change event is published inside the transaction of its change");
		}
		if (audience.isEmpty()) {
			return;
		}
		pending().add(new EventRepository.NewEvent(type, subjectId, this.json.writeValueAsString(data),
				AuditLog.currentUsername(), audience));
	}

	@SuppressWarnings("unchecked")
	private List<EventRepository.NewEvent> pending() {
		List<EventRepository.NewEvent> pending = (List<EventRepository.NewEvent>) TransactionSynchronizationManager
			.getResource(this);
		if (pending == null) {
			List<EventRepository.NewEvent> created = new ArrayList<>();
			TransactionSynchronizationManager.bindResource(this, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(ChangeEvents.this);
				}
			});
			pending = created;
		}
		return pending;
	}

	/**
	 * Writes this transaction's events as its last statement, in the round trip of its
	 * commit.
	 */
	@Override
	public CommitQuery beforeCommit() {
		@SuppressWarnings("unchecked")
		List<EventRepository.NewEvent> pending = (List<EventRepository.NewEvent>) TransactionSynchronizationManager
			.getResource(this);
		if (pending == null || pending.isEmpty()) {
			return null;
		}
		CommitQuery insert = this.events.insertInCommitOrder(List.copyOf(pending));
		pending.clear();
		return insert;
	}

}
