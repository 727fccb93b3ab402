package cn.zonegis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiProblemTests {

	@Test
	void wholeNumbersAreKeptAsTheirDigitsAndOtherArgumentsAsGiven() {
		Object[] args = ApiProblem.badRequest("t", "k", 999_999L, 1000, 2.5, "1,000").messageArgs();
		assertThat(args).containsExactly("999999", "1000", 2.5, "1,000");
	}

}
