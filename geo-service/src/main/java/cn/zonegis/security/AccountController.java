package cn.zonegis.security;

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
		return Me.of(user);
	}

}
