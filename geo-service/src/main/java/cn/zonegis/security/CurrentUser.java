package cn.zonegis.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** What the web map needs to know about who is logged in. */
public record CurrentUser(String username, List<String> roles) {

	static CurrentUser of(Authentication auth) {
		List<String> roles = auth.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith("ROLE_"))
			.map((a) -> a.substring("ROLE_".length()))
			.toList();
		return new CurrentUser(auth.getName(), roles);
	}

}
