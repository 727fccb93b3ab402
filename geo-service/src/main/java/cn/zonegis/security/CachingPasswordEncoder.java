package cn.zonegis.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt on every request is what HTTP Basic costs: QGIS and GDAL send their credentials
 * with every page and tile, and each check takes tens of milliseconds. This remembers,
 * for a short while, that a password matched a hash. Only a digest of the pair is kept,
 * never the password, and a changed hash (a new password) misses the cache. Hits and
 * misses are published as the {@code security.password-matches} cache metrics.
 */
final class CachingPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	/** Digests of the pairs that matched; the value says nothing more. */
	private final Cache<String, Boolean> matched;

	CachingPasswordEncoder(PasswordEncoder delegate, Duration lifetime, Clock clock, MeterRegistry meters) {
		this.delegate = delegate;
		this.matched = Caffeine.newBuilder()
			.maximumSize(1000)
			.expireAfterWrite(lifetime)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.matched, "security.password-matches");
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return false;
		}
		String key = digest(rawPassword, encodedPassword);
		if (this.matched.getIfPresent(key) != null) {
			return true;
		}
		boolean matches = this.delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			this.matched.put(key, Boolean.TRUE);
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	private static String digest(CharSequence rawPassword, String encodedPassword) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0);
			sha256.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
