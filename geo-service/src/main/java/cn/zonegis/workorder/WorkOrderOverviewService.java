package cn.zonegis.workorder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.ZoneTime;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work order figures for the office's overview (统计看板) and whoever else needs them: a
 * month on the zone's calendar, and what each crew holds now.
 */
@Service
public class WorkOrderOverviewService {

	private final WorkOrderOverviewRepository overview;

	private final ZoneTime zoneTime;

	WorkOrderOverviewService(WorkOrderOverviewRepository overview, ZoneTime zoneTime) {
		this.overview = overview;
		this.zoneTime = zoneTime;
	}

	/**
	 * A month's orders, by the zone's clock.
	 * @param month {@code 2026-12}, or null for the zone's current month
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('PLANNER', 'DISPATCHER')")
	public WorkOrderMonth month(String month) {
		YearMonth period = (month == null || month.isBlank()) ? YearMonth.from(this.zoneTime.today())
				: parseMonth(month.strip());
		var from = this.zoneTime.startOf(period.atDay(1));
		var to = this.zoneTime.startOf(period.plusMonths(1).atDay(1));
		Map<String, long[]> counts = this.overview.month(from, to);
		List<WorkOrderMonth.Kind> byKind = new ArrayList<>();
		long[] totals = new long[3];
		for (WorkOrderKind kind : WorkOrderKind.values()) {
			long[] c = counts.getOrDefault(kind.value(), new long[4]);
			long overdue = c[2] - c[3];
			byKind.add(new WorkOrderMonth.Kind(kind.value(), c[0], c[1], c[2], c[3], overdue, share(c[3], c[2])));
			totals[0] += c[0];
			totals[1] += c[1];
			totals[2] += overdue;
		}
		return new WorkOrderMonth(period.toString(), from, to, totals[0], totals[1], totals[2], byKind);
	}

	/**
	 * Each crew's open orders by state, active crews and any other crew still holding
	 * some.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('PLANNER', 'DISPATCHER')")
	public List<CrewWorkload> workload() {
		Map<Long, List<WorkOrderOverviewRepository.WorkloadRow>> byCrew = new LinkedHashMap<>();
		for (WorkOrderOverviewRepository.WorkloadRow row : this.overview.workload()) {
			byCrew.computeIfAbsent(row.crewId(), (id) -> new ArrayList<>()).add(row);
		}
		return byCrew.values().stream().map(WorkOrderOverviewService::workload).toList();
	}

	private static CrewWorkload workload(List<WorkOrderOverviewRepository.WorkloadRow> rows) {
		Map<String, Long> byState = new LinkedHashMap<>();
		for (String state : WorkOrderLifecycle.valuesOf(WorkOrderLifecycle.withCrew())) {
			byState.put(state, 0L);
		}
		long open = 0;
		long overdue = 0;
		for (WorkOrderOverviewRepository.WorkloadRow row : rows) {
			if (row.state() != null) {
				byState.put(row.state(), row.orders());
				open += row.orders();
				overdue += row.overdue();
			}
		}
		WorkOrderOverviewRepository.WorkloadRow crew = rows.get(0);
		return new CrewWorkload(crew.crewId(), crew.name(), crew.active(), open, overdue, byState);
	}

	private static YearMonth parseMonth(String month) {
		try {
			return YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.badRequest("invalid-parameter", "workorder.month", month).with("parameter", "month");
		}
	}

	private static BigDecimal share(long part, long whole) {
		return (whole == 0) ? null
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

}
