package cn.zonegis.events;

import java.util.EnumSet;
import java.util.Set;

import cn.zonegis.security.Role;

/**
 * Who hears a change event: the holders of some roles (through the role hierarchy, so an
 * administrator hears what a dispatcher hears), and the members of one crew.
 *
 * @param roles the roles whose holders hear it
 * @param crewId the crew whose members hear it, or null
 */
public record Audience(Set<Role> roles, Long crewId) {

	public Audience {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	public static Audience of(Role... roles) {
		return new Audience(Set.of(roles), null);
	}

	/** Whether no one hears it: no role named, no crew. */
	public boolean isEmpty() {
		return this.roles.isEmpty() && this.crewId == null;
	}

	/** The same audience and the members of that crew (none when crewId is null). */
	public Audience andCrew(Long crewId) {
		return new Audience(this.roles, crewId);
	}

}
