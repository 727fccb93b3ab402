package cn.zonegis.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class CachingPasswordEncoderTests {

	private final AtomicInteger bcryptChecks = new AtomicInteger();

	/** Real BCrypt, counting how often it is asked. */
	private final PasswordEncoder bcrypt = new PasswordEncoder() {

		private final BCryptPasswordEncoder real = new BCryptPasswordEncoder(4);

		@Override
		public String encode(CharSequence rawPassword) {
			return this.real.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			CachingPasswordEncoderTests.this.bcryptChecks.incrementAndGet();
			return this.real.matches(rawPassword, encodedPassword);
		}

	};

	private final MutableClock clock = new MutableClock();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final CachingPasswordEncoder encoder = new CachingPasswordEncoder(this.bcrypt, Duration.ofMinutes(10),
			this.clock, this.meters);

	@Test
	void aRepeatedRightPasswordIsCheckedWithBcryptOnce() {
		String hash = this.encoder.encode("planner2026");
		assertThat(this.encoder.matches("planner2026", hash)).isTrue();
		assertThat(this.encoder.matches("planner2026", hash)).isTrue();
		assertThat(this.bcryptChecks).hasValue(1);
	}

	@Test
	void rememberedMatchesArePublishedAsCacheMetrics() {
		String hash = this.encoder.encode("planner2026");
		this.encoder.matches("planner2026", hash);
		this.encoder.matches("planner2026", hash);
		this.encoder.matches("planner2026", hash);
		assertThat(gets("hit")).isEqualTo(2);
		assertThat(gets("miss")).isEqualTo(1);
	}

	private double gets(String result) {
		return this.meters.get("cache.gets")
			.tag("cache", "security.password-matches")
			.tag("result", result)
			.functionCounter()
			.count();
	}

	@Test
	void aWrongPasswordIsRefusedEveryTimeEvenAfterTheRightOne() {
		String hash = this.encoder.encode("planner2026");
		this.encoder.matches("planner2026", hash);
		assertThat(this.encoder.matches("guess", hash)).isFalse();
		assertThat(this.encoder.matches("guess", hash)).isFalse();
		assertThat(this.bcryptChecks).hasValue(3);
	}

	@Test
	void aNewPasswordHashIsNotMatchedByTheOldPassword() {
		String oldHash = this.encoder.encode("planner2026");
		this.encoder.matches("planner2026", oldHash);
		String newHash = this.encoder.encode("changed-2027");
		assertThat(this.encoder.matches("planner2026", newHash)).isFalse();
	}

	@Test
	void aRememberedMatchExpires() {
		String hash = this.encoder.encode("planner2026");
		this.encoder.matches("planner2026", hash);
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(this.encoder.matches("planner2026", hash)).isTrue();
		assertThat(this.bcryptChecks).hasValue(2);
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-25T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
