package cn.zonegis;

import java.math.BigDecimal;

/**
 * What a PostgreSQL {@code numeric(precision, scale)} column keeps. PostgreSQL rounds
 * extra decimals away and refuses a value too large only when the row is written, naming
 * no field; checking here first lets the refusal name the property and stores nothing
 * changed.
 *
 * @param precision all the digits the column keeps
 * @param scale the digits it keeps after the decimal point
 */
public record NumericColumn(int precision, int scale) {

	/**
	 * The value unchanged when the column keeps it exactly (trailing zeros aside).
	 * @throws ApiProblem 400 of the given type naming the property when it has more
	 * decimals than the column keeps, or more digits before the point
	 */
	public BigDecimal require(BigDecimal value, String problemType, String property) {
		BigDecimal digits = value.stripTrailingZeros();
		if (digits.scale() > this.scale) {
			throw ApiProblem.badRequest(problemType, "problem.input.decimals", property, value.toString(), this.scale)
				.with("property", property)
				.with("scale", this.scale);
		}
		BigDecimal limit = BigDecimal.TEN.pow(this.precision - this.scale);
		if (value.abs().compareTo(limit) >= 0) {
			throw ApiProblem
				.badRequest(problemType, "problem.input.numberTooLarge", property, value.toString(),
						limit.toPlainString())
				.with("property", property)
				.with("exclusiveMaximum", limit);
		}
		return value;
	}

}
