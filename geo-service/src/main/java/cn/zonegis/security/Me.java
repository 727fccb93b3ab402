package cn.zonegis.security;

import java.util.List;

/**
 * Who is logged in, as the web map needs it: name, roles and, for a crew member, the
 * crew.
 */
record Me(String username, String displayName, List<String> roles, Long crewId) {

	static Me of(AppUser user) {
		return new Me(user.username(), user.displayName(), user.roles(), user.crewId());
	}

}
