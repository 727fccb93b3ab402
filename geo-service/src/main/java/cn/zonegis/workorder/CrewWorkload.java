package cn.zonegis.workorder;

import java.util.Map;

/**
 * What a crew holds now: its open orders by state (dispatched, in progress) and how many
 * of them are past their due time.
 *
 * @param byState open orders per state, every open state listed
 */
public record CrewWorkload(long crewId, String name, boolean active, long open, long overdue,
		Map<String, Long> byState) {
}
