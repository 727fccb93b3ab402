package cn.zonegis.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Checks the current user's role, through the role hierarchy, where the role depends on
 * what is written (a layer's own writer) and so cannot be named in {@code @PreAuthorize}.
 */
@Component
public class CurrentRoles {

	private final RoleHierarchy hierarchy;

	CurrentRoles(RoleHierarchy hierarchy) {
		this.hierarchy = hierarchy;
	}

	/** Refuses (403) a user who does not hold the role, directly or through ADMIN. */
	public void require(Role role) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String wanted = "ROLE_" + role.name();
		boolean held = auth != null && this.hierarchy.getReachableGrantedAuthorities(auth.getAuthorities())
			.stream()
			.anyMatch((a) -> wanted.equals(a.getAuthority()));
		if (!held) {
			throw new AccessDeniedException("role " + role + " required");
		}
	}

}
