package cn.zonegis.security;

import java.util.List;

/** A person who logs in; a CREW user belongs to one crew. */
public record AppUser(long id, String username, String displayName, String passwordHash, List<String> roles,
		Long crewId, boolean enabled) {
}
