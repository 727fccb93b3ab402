package cn.zonegis.demo;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Passwords for the demo users, by user name ({@code zonegis.demo.passwords.planner=…});
 * scripts/run.sh makes them once per installation. A demo user without one gets a random
 * password, logged once.
 */
@ConfigurationProperties("zonegis.demo")
record DemoPasswords(Map<String, String> passwords) {

	DemoPasswords {
		passwords = (passwords == null) ? Map.of() : Map.copyOf(passwords);
	}

}
