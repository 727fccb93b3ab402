package cn.zonegis.events;

import java.util.Set;

/**
 * A user listening to /api/events.
 *
 * @param roles role names held, with those reached through the role hierarchy
 * @param crewId the user's crew, or null
 */
record EventListener(String username, Set<String> roles, Long crewId) {
}
