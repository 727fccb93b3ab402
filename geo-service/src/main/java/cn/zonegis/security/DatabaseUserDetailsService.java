package cn.zonegis.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Users and their roles from app_user; passwords are bcrypt hashes. */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

	private final AppUserRepository users;

	DatabaseUserDetailsService(AppUserRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return details(this.users.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("no user " + username)));
	}

	/** What Spring Security knows of a user: name, password hash, roles, enabled. */
	static UserDetails details(AppUser user) {
		return User.withUsername(user.username())
			.password(user.passwordHash())
			.roles(user.roles().toArray(String[]::new))
			.disabled(!user.enabled())
			.build();
	}

}
