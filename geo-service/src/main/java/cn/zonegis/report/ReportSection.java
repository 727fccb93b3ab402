package cn.zonegis.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import cn.zonegis.ApiProblem;

/**
 * The sections of the half-year report the system writes, in the seed's order: 保障项目用地,
 * 市政配套, 化工园区, 重点项目, 营商环境 (未办证), 安全与环保, 自建房.
 */
public enum ReportSection {

	LAND, MUNICIPAL, PARK, PROJECTS, BUSINESS, SAFETY, HOUSES;

	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The sections a request names (comma-separated), or all when it names none; an
	 * unknown one is refused.
	 */
	static List<ReportSection> parse(String sections) {
		if (sections == null || sections.isBlank()) {
			return List.of(values());
		}
		return Arrays.stream(sections.split(",")).map(String::strip).distinct().map(ReportSection::of).toList();
	}

	private static ReportSection of(String key) {
		return Arrays.stream(values())
			.filter((s) -> s.key().equals(key))
			.findFirst()
			.orElseThrow(() -> ApiProblem.badRequest("unknown-section", "report.section.unknown", key)
				.with("parameter", "sections")
				.with("allowed", Arrays.stream(values()).map(ReportSection::key).toList()));
	}

}
