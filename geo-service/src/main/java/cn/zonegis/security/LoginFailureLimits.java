package cn.zonegis.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed logins are tolerated before further ones are refused with 429.
 *
 * @param perUser failures of one user name within the window
 * @param perAddress failures from one client address within the window (an office behind
 * one router shares an address, so this is higher)
 * @param window how long failures count, from the first one
 */
@ConfigurationProperties("zonegis.security.login-failures")
record LoginFailureLimits(@DefaultValue("10") int perUser, @DefaultValue("30") int perAddress,
		@DefaultValue("5m") Duration window) {
}
