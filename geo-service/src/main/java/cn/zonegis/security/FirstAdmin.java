package cn.zonegis.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A fresh installation with no users gets one admin with a random password, printed once:
 * there is no default password to forget to change. Runs after the demo loader, which
 * brings its own users.
 */
@Component
@Order(100)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final AppUserRepository users;

	private final PasswordEncoder encoder;

	FirstAdmin(AppUserRepository users, PasswordEncoder encoder) {
		this.users = users;
		this.encoder = encoder;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.count() > 0) {
			return;
		}
		byte[] random = new byte[12];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		this.users.insertIfAbsent("admin", "管理员", this.encoder.encode(password), List.of(Role.ADMIN), null);
		log.warn("\n\n  First start: created user 'admin' with password {}  (shown only this once)\n", password);
	}

}
