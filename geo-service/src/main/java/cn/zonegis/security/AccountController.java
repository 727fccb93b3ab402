package cn.zonegis.security;

import java.util.List;

import cn.zonegis.ApiProblem;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in: name, roles and crew, so the map can follow the role. */
@RestController
class AccountController {

	private final AppUserRepository users;

	AccountController(AppUserRepository users) {
		this.users = users;
	}

	@GetMapping("/api/me")
	Me me(Authentication auth) {
		AppUser user = this.users.findByUsername(auth.getName())
			.orElseThrow(() -> ApiProblem.notFound("problem.user.unknown", auth.getName()));
		return new Me(user.username(), user.displayName(), user.roles(), user.crewId());
	}

	record Me(String username, String displayName, List<String> roles, Long crewId) {
	}

}
