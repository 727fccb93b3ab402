package cn.zonegis;

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

	@Test
	void ifMatchReadsQuotedVersions() {
		assertThat(ETag.expectedVersion("\"3\"")).isEqualTo(3);
		assertThat(ETag.optionalVersion("\"7\"")).isEqualTo(7);
	}

	@Test
	void aListMatchesThroughItsStrongMembers() {
		assertThat(ETag.expectedVersion("W/\"2\", \"3\"")).isEqualTo(3);
		assertThat(ETag.expectedVersion("\"3\",\"3\"")).isEqualTo(3);
	}

	@Test
	void anOptionalIfMatchMayBeAbsentOrAnyVersion() {
		assertThat(ETag.optionalVersion(null)).isNull();
		assertThat(ETag.optionalVersion("*")).isNull();
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
			assertThatThrownBy(() -> ETag.expectedVersion(null)).isInstanceOfSatisfying(ApiProblem.class,
					(p) -> assertThat(p.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
		}

		@Test
		void aWeakTagOrOneWeNeverIssuedCannotMatch() {
			for (String tag : new String[] { "\"abc\"", "\"1;DROP\"", "*", "W/\"3\"", "W/\"3\", W/\"4\"" }) {
				assertThatThrownBy(() -> ETag.expectedVersion(tag)).isInstanceOfSatisfying(ApiProblem.class,
						(p) -> assertThat(p.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
			}
			assertThatThrownBy(() -> ETag.optionalVersion("\"abc\"")).isInstanceOf(ApiProblem.class);
		}

	}

}
