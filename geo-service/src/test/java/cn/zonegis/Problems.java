package cn.zonegis;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that an answer is an RFC 9457 problem: the status, the
 * {@code application/problem+json} media type and, where named, the problem type. The
 * body is shown when the status is not the one expected.
 */
public final class Problems {

	private Problems() {
	}

	public static void assertProblem(Answer answer, int status) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
	}

	/**
	 * @param type the last segment of the problem's type URI, such as
	 * {@code red-line-overlap}
	 */
	public static void assertProblem(Answer answer, int status, String type) {
		assertProblem(answer, status);
		assertThat(answer.json().get("type").asString()).endsWith("/" + type);
	}

	/**
	 * A 400 problem naming the request parameter that was wrong.
	 * @param parameter the query parameter, header or part the {@code parameter} property
	 * names, such as {@code bbox}
	 */
	public static void assertBadParameter(Answer answer, String parameter) {
		assertProblem(answer, 400);
		assertThat(answer.json().path("parameter").stringValue()).isEqualTo(parameter);
	}

	/** An answer as the tests' HTTP clients keep it. */
	public interface Answer {

		int status();

		String contentType();

		/** The body as text. */
		String text();

		JsonNode json();

	}

}
