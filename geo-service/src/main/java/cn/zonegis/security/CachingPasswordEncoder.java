package cn.zonegis.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt on every request is what HTTP Basic costs: QGIS and GDAL send their credentials
 * with every page and tile, and each check takes tens of milliseconds. This remembers,
 * for a short while, that a password matched a hash. Only a digest of the pair is kept,
 * never the password, and a changed hash (a new password) misses the cache.
 */
final class CachingPasswordEncoder implements PasswordEncoder {

	private static final int MAX_ENTRIES = 1000;

	private final PasswordEncoder delegate;

	private final Duration lifetime;

	private final Clock clock;

	private final Map<String, Instant> matchedUntil = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
			return size() > MAX_ENTRIES;
		}
	};

	CachingPasswordEncoder(PasswordEncoder delegate, Duration lifetime, Clock clock) {
		this.delegate = delegate;
		this.lifetime = lifetime;
		this.clock = clock;
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
		Instant now = this.clock.instant();
		synchronized (this.matchedUntil) {
			Instant until = this.matchedUntil.get(key);
			if (until != null && now.isBefore(until)) {
				return true;
			}
		}
		boolean matches = this.delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			synchronized (this.matchedUntil) {
				this.matchedUntil.put(key, now.plus(this.lifetime));
			}
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
