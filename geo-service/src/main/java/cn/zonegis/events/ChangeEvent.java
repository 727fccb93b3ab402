package cn.zonegis.events;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A stored change event; its id is the Server-Sent Events id.
 *
 * @param data JSON object, passed on as it is
 * @param audienceRoles names of the roles whose holders hear it
 * @param audienceCrew the crew whose members hear it, or null
 */
record ChangeEvent(long id, String type, long subjectId, String data, String actor, Set<String> audienceRoles,
		Long audienceCrew, OffsetDateTime at) {

	/** Whether that listener hears this event: it is theirs, and someone else made it. */
	boolean isFor(EventListener listener) {
		if (this.actor.equals(listener.username())) {
			return false;
		}
		return (this.audienceCrew != null && this.audienceCrew.equals(listener.crewId()))
				|| this.audienceRoles.stream().anyMatch(listener.roles()::contains);
	}

}
