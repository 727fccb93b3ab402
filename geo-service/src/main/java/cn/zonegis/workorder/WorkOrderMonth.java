package cn.zonegis.workorder;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A month of maintenance on the zone's calendar, for the office's overview: the orders
 * opened, those completed, and the service level (SLA) kept on the orders that fell due.
 *
 * @param month the month, e.g. 2026-12
 * @param from its first instant in the zone's time zone
 * @param to the next month's first instant
 * @param opened orders reported in the month
 * @param closed orders whose completion was recorded in the month and stands (completed,
 * verified or closed)
 * @param overdue orders due in the month, up to now, not completed by their due time
 * @param byKind the same per kind, every kind listed
 */
public record WorkOrderMonth(String month, OffsetDateTime from, OffsetDateTime to, long opened, long closed,
		long overdue, List<Kind> byKind) {

	/**
	 * @param due orders due in the month up to now, cancelled ones not counted
	 * @param metSla of those, completed by their due time
	 * @param slaCompliance metSla / due to four decimals, absent when none fell due
	 */
	public record Kind(String kind, long opened, long closed, long due, long metSla, long overdue,
			BigDecimal slaCompliance) {

	}

}
