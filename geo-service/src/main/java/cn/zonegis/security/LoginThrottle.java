package cn.zonegis.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Counts failed logins per user name and per client address in a fixed window from the
 * first failure; past the limit, further logins of that name or from that address are
 * refused until the window ends, so a password cannot be guessed at HTTP speed. Other
 * users and addresses log in as usual. Counters live in this process: behind several
 * instances each keeps its own.
 */
class LoginThrottle {

	private final LoginFailureLimits limits;

	private final Cache<String, Window> failures;

	LoginThrottle(LoginFailureLimits limits) {
		this.limits = limits;
		this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfter(new Expiry<String, Window>() {
			@Override
			public long expireAfterCreate(String key, Window window, long now) {
				return limits.window().toNanos();
			}

			@Override
			public long expireAfterUpdate(String key, Window window, long now, long remaining) {
				return remaining;
			}

			@Override
			public long expireAfterRead(String key, Window window, long now, long remaining) {
				return remaining;
			}
		}).build();
	}

	/**
	 * How long the caller must wait before trying this user name or address again, if at
	 * all.
	 */
	Optional<Duration> retryAfter(String username, String address) {
		Instant now = Instant.now();
		return Stream
			.of(blocked(userKey(username), this.limits.perUser()),
					blocked(addressKey(address), this.limits.perAddress()))
			.flatMap(Optional::stream)
			.map((window) -> Duration.between(now, window.end()))
			.max(Duration::compareTo);
	}

	/**
	 * A wrong password or token; a login that failed for a database outage is not counted
	 * against anyone.
	 */
	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		count(userKey(event.getAuthentication().getName()));
		count(addressKey(addressOf(event.getAuthentication())));
	}

	/** A user who logs in forgets their own failures; the address keeps its count. */
	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		String key = userKey(event.getAuthentication().getName());
		if (key != null) {
			this.failures.invalidate(key);
		}
	}

	private Optional<Window> blocked(String key, int limit) {
		return Optional.ofNullable(key).map(this.failures::getIfPresent).filter((window) -> window.count() >= limit);
	}

	private void count(String key) {
		if (key != null) {
			this.failures.asMap()
				.merge(key, new Window(1, Instant.now().plus(this.limits.window())),
						(old, one) -> new Window(old.count() + 1, old.end()));
		}
	}

	private static String userKey(String username) {
		return (username == null || username.isEmpty()) ? null : "user:" + username;
	}

	private static String addressKey(String address) {
		return (address == null) ? null : "address:" + address;
	}

	private static String addressOf(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

	/** Failures counted since the first one, until the window ends. */
	private record Window(int count, Instant end) {
	}

}
