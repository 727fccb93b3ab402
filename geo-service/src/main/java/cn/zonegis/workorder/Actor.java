package cn.zonegis.workorder;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zonegis.ogc.RowScope;
import cn.zonegis.security.AppUser;
import cn.zonegis.security.AppUserRepository;
import cn.zonegis.security.AuditLog;
import cn.zonegis.security.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting on work orders. A user whose only working role is CREW works inside their
 * crew: they see the orders dispatched to their crew and those they reported themselves,
 * and take the crew's steps on their crew's orders only.
 *
 * @param username the login name
 * @param roles the roles granted to the user (without the hierarchy)
 * @param crewId the user's crew, or null
 */
record Actor(String username, Set<Role> roles, Long crewId) {

	/**
	 * Whether the user supervises the work: dispatches, verifies, rejects, closes and
	 * cancels orders.
	 */
	boolean dispatches() {
		return this.roles.contains(Role.DISPATCHER) || this.roles.contains(Role.ADMIN);
	}

	/**
	 * Whether the user's only working role is SAFETY: they report enterprise inspections
	 * and their findings, not other work.
	 */
	boolean inspectsOnly() {
		return this.roles.contains(Role.SAFETY) && !dispatches() && !this.roles.contains(Role.PLANNER)
				&& !this.roles.contains(Role.CREW);
	}

	/** Whether the user only sees and works their own crew's orders. */
	boolean crewScoped() {
		return this.roles.contains(Role.CREW) && !dispatches() && !this.roles.contains(Role.PLANNER);
	}

	/**
	 * Whether a crew-scoped user may see that order: it is their crew's, or they reported
	 * it.
	 */
	boolean sees(Long orderCrewId, String reportedBy) {
		return !crewScoped() || (this.crewId != null && this.crewId.equals(orderCrewId))
				|| this.username.equals(reportedBy);
	}

	/**
	 * The orders a crew-scoped user may see, as a condition on work_order t; null for
	 * anyone else, who sees every order.
	 */
	RowScope.Restriction readableOrders() {
		if (!crewScoped()) {
			return null;
		}
		if (this.crewId == null) {
			return new RowScope.Restriction("reporter:" + this.username, "t.reported_by = :readerUsername",
					Map.of("readerUsername", this.username));
		}
		return new RowScope.Restriction("crew:" + this.crewId + ":reporter:" + this.username,
				"t.crew_id = :readerCrewId OR t.reported_by = :readerUsername",
				Map.of("readerCrewId", this.crewId, "readerUsername", this.username));
	}

	/** Whether the user may take a crew's step on an order dispatched to that crew. */
	boolean worksFor(Long orderCrewId) {
		return dispatches()
				|| (this.roles.contains(Role.CREW) && this.crewId != null && this.crewId.equals(orderCrewId));
	}

	/** Resolves the logged-in user of the current request. */
	@Component
	static class Resolver {

		private final AppUserRepository users;

		Resolver(AppUserRepository users) {
			this.users = users;
		}

		Actor current() {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			// A reader without a login (public read) has ROLE_ANONYMOUS: no role of ours.
			Set<Role> roles = (auth == null) ? Set.of()
					: auth.getAuthorities()
						.stream()
						.map(GrantedAuthority::getAuthority)
						.filter((a) -> a.startsWith("ROLE_"))
						.map((a) -> a.substring("ROLE_".length()))
						.filter((name) -> Arrays.stream(Role.values()).anyMatch((role) -> role.name().equals(name)))
						.map(Role::valueOf)
						.collect(Collectors.toSet());
			Long crewId = roles.contains(Role.CREW)
					? this.users.findByUsername(auth.getName()).map(AppUser::crewId).orElse(null) : null;
			return new Actor(AuditLog.currentUsername(), roles, crewId);
		}

	}

}
