package cn.zonegis.asset;

import java.util.Arrays;

import cn.zonegis.ApiProblem;

/** Which way a trace follows the flow from the chosen pipe. */
public enum TraceDirection {

	/**
	 * Where the water goes: the pipes that leave the chosen pipe's downstream well, and
	 * so on.
	 */
	DOWN("n.upstream_well_id = c.downstream_well_id"),

	/** Where the water comes from: what backs up if the chosen pipe is blocked. */
	UP("n.downstream_well_id = c.upstream_well_id");

	private final String nextPipe;

	TraceDirection(String nextPipe) {
		this.nextPipe = nextPipe;
	}

	/**
	 * SQL joining the next pipe n to the current pipe c; constant text, never from a
	 * request.
	 */
	String nextPipe() {
		return this.nextPipe;
	}

	/** down or up; anything else is a 400 naming the parameter. */
	static TraceDirection of(String text) {
		return Arrays.stream(values())
			.filter((d) -> d.name().equalsIgnoreCase(text))
			.findFirst()
			.orElseThrow(
					() -> ApiProblem.badRequest("invalid-parameter", "problem.parameter.invalid", "direction", text)
						.with("parameter", "direction"));
	}

}
