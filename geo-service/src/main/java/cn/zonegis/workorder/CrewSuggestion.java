package cn.zonegis.workorder;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A crew that could take an order, with what the ranking weighed.
 *
 * @param distanceM straight-line (geodesic) distance in metres from the crew's base to
 * the order, not a route
 * @param openWorkload orders the crew holds dispatched or in progress
 */
record CrewSuggestion(long crewId, String name, List<String> skills, boolean skillMatch, double distanceM,
		int openWorkload) {

	/**
	 * One open order weighs as much as this many metres of travel when crews of equal
	 * skill are compared.
	 */
	static final double METRES_PER_OPEN_ORDER = 1000;

	/** Lower is better: distance plus the workload expressed as distance. */
	double cost() {
		return this.distanceM + this.openWorkload * METRES_PER_OPEN_ORDER;
	}

	/**
	 * Crews with the skill first, then by cost, then by name so equal crews keep a stable
	 * order.
	 */
	static List<Ranked> rank(List<CrewSuggestion> crews) {
		List<CrewSuggestion> sorted = crews.stream()
			.sorted(Comparator.comparing((CrewSuggestion c) -> !c.skillMatch())
				.thenComparingDouble(CrewSuggestion::cost)
				.thenComparing(CrewSuggestion::name))
			.toList();
		return IntStream.range(0, sorted.size()).mapToObj((i) -> {
			CrewSuggestion c = sorted.get(i);
			return new Ranked(i + 1, c.crewId(), c.name(), c.skills(), c.skillMatch(), c.distanceM(), c.openWorkload(),
					c.cost());
		}).toList();
	}

	/**
	 * A suggestion and its place, 1 the best; costM is distanceM plus the workload in
	 * metres.
	 */
	record Ranked(int rank, long crewId, String name, List<String> skills, boolean skillMatch, double distanceM,
			int openWorkload, double costM) {
	}

}
