package cn.zonegis;

import java.util.function.IntSupplier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ETagTests {

	@Test
	void anEtagIsTheQuotedVersion() {
		assertThat(ETag.of(3)).isEqualTo("\"3\"");
	}

	/** The stored version is read only for a list naming several. */
	private static final IntSupplier UNREAD = () -> {
		throw new AssertionError("the stored version was read");
	};

	@Test
	void ifMatchReadsQuotedVersions() {
		assertThat(ETag.expectedVersion("\"3\"", UNREAD)).isEqualTo(3);
		assertThat(ETag.optionalVersion("\"7\"", UNREAD)).isEqualTo(7);
	}

	@Test
	void aListMatchesThroughItsStrongMembers() {
		assertThat(ETag.expectedVersion("W/\"2\", \"3\"", UNREAD)).isEqualTo(3);
		assertThat(ETag.expectedVersion("\"3\",\"3\"", UNREAD)).isEqualTo(3);
	}

	@Test
	void aListNamingSeveralVersionsExpectsTheStoredOneWhenListed() {
		assertThat(ETag.expectedVersion("\"2\", \"5\"", () -> 5)).isEqualTo(5);
		assertThat(ETag.optionalVersion("\"5\", W/\"6\", \"2\"", () -> 2)).isEqualTo(2);
	}

	/** The writer then answers 412 with the current version. */
	@Test
	void aListNamingNoStoredVersionExpectsAStaleOne() {
		assertThat(ETag.expectedVersion("\"2\", \"5\"", () -> 4)).isIn(2, 5);
	}

	@Test
	void anOptionalIfMatchMayBeAbsentOrAnyVersion() {
		assertThat(ETag.optionalVersion(null, UNREAD)).isNull();
		assertThat(ETag.optionalVersion("*", UNREAD)).isNull();
	}

	@Test
	void ifNoneMatchNamesTheCurrentTagByAnyTagAListOrWeakly() {
		for (String header : new String[] { "\"ab\"", "*", "\"x\", \"ab\"", "W/\"ab\"" }) {
			assertThat(ETag.notModified(header, "\"ab\"")).as(header).isTrue();
		}
		for (String header : new String[] { "\"x\"", "\"ab", "W/\"x\", \"y\"" }) {
			assertThat(ETag.notModified(header, "\"ab\"")).as(header).isFalse();
		}
		assertThat(ETag.notModified(null, "\"ab\"")).isFalse();
	}

	@Nested
	class Refused {

		@Test
		void aRequiredIfMatchThatIsMissingIsPreconditionRequired() {
			assertThatThrownBy(() -> ETag.expectedVersion(null, UNREAD)).isInstanceOfSatisfying(ApiProblem.class,
					(p) -> assertThat(p.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
		}

		@Test
		void aWeakTagOrOneWeNeverIssuedCannotMatch() {
			for (String tag : new String[] { "\"abc\"", "\"1;DROP\"", "*", "W/\"3\"", "W/\"3\", W/\"4\"" }) {
				assertThatThrownBy(() -> ETag.expectedVersion(tag, UNREAD)).isInstanceOfSatisfying(ApiProblem.class,
						(p) -> assertThat(p.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
			}
			assertThatThrownBy(() -> ETag.optionalVersion("\"abc\"", UNREAD)).isInstanceOf(ApiProblem.class);
		}

	}

}
