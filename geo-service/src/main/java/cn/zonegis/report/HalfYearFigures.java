package cn.zonegis.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Every figure of the half-year report, section by section, as the features contribute
 * them ({@link ReportFigures}). Land steps and municipal work count what happened in the
 * period; the park, projects and certificates describe the state at its end; inspections
 * and the house survey count what was done in the period.
 */
@Component
class HalfYearFigures {

	private final List<ReportFigures> features;

	HalfYearFigures(List<ReportFigures> features) {
		this.features = features;
	}

	/** The figures of these sections, in the report's order. */
	List<FigureDef> of(List<ReportSection> sections, ReportPeriod period) {
		List<FigureDef> figures = new ArrayList<>();
		for (ReportSection section : ReportSection.values()) {
			if (sections.contains(section)) {
				this.features.forEach((feature) -> figures.addAll(feature.figures(section, period)));
			}
		}
		return figures;
	}

}
