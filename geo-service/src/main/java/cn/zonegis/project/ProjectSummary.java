package cn.zonegis.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The key-project figures of the half-year report: "区级以上重点项目 N 个，总投资 X 亿元。目前项目已开工 M
 * 个，完成投资 Y 亿元", with the lagging projects and those past their annual target.
 *
 * @param started projects no longer planned (已开工)
 * @param totalInvestmentYi total investment in 亿元 (1 亿 = 10000 万)
 */
public record ProjectSummary(LocalDate asOf, int count, BigDecimal totalInvestmentWan, BigDecimal totalInvestmentYi,
		BigDecimal completedInvestmentWan, BigDecimal completedInvestmentYi, BigDecimal progress, int started,
		List<String> lagging, List<String> exceededAnnualTarget, Map<String, Group> byState,
		Map<String, Group> byLevel) {

	private static final BigDecimal WAN_PER_YI = BigDecimal.valueOf(10000);

	/** Projects of one state or level: how many, and their investment in 万元. */
	public record Group(int count, BigDecimal totalInvestmentWan, BigDecimal completedInvestmentWan) {

		static Group of(List<ProjectView> projects) {
			return new Group(projects.size(), sum(projects, ProjectView::totalInvestmentWan),
					sum(projects, ProjectView::completedInvestmentWan));
		}

	}

	static ProjectSummary of(List<ProjectView> projects, LocalDate asOf) {
		BigDecimal total = sum(projects, ProjectView::totalInvestmentWan);
		BigDecimal completed = sum(projects, ProjectView::completedInvestmentWan);
		BigDecimal progress = (total.signum() == 0) ? BigDecimal.ZERO
				: completed.divide(total, 4, RoundingMode.HALF_UP);
		return new ProjectSummary(asOf, projects.size(), total, yi(total), completed, yi(completed), progress,
				(int) projects.stream().filter((p) -> !"planned".equals(p.state())).count(),
				projects.stream().filter(ProjectView::lagging).map(ProjectView::name).sorted().toList(),
				projects.stream().filter(ProjectView::exceededAnnualTarget).map(ProjectView::name).sorted().toList(),
				groups(projects, ProjectView::state), groups(projects, ProjectView::level));
	}

	private static Map<String, Group> groups(List<ProjectView> projects, Function<ProjectView, String> key) {
		return projects.stream()
			.collect(Collectors.groupingBy(key, TreeMap::new,
					Collectors.collectingAndThen(Collectors.toList(), Group::of)));
	}

	private static BigDecimal sum(List<ProjectView> projects, Function<ProjectView, BigDecimal> amount) {
		return projects.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static BigDecimal yi(BigDecimal wan) {
		return wan.divide(WAN_PER_YI, 2, RoundingMode.HALF_UP);
	}

}
