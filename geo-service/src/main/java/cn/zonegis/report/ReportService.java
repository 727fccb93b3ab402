package cn.zonegis.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zonegis.ApiProblem;
import cn.zonegis.land.LandLayerService;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes the half-year report of any period from the data: every figure computed from the
 * rows behind it, and the seed's sentences filled with them.
 */
@Service
public class ReportService {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_.]+)}");

	private final HalfYearFigures figures;

	private final ReportRepository repository;

	private final LandLayerService land;

	private final MessageSource messages;

	ReportService(HalfYearFigures figures, ReportRepository repository, LandLayerService land, MessageSource messages) {
		this.figures = figures;
		this.repository = repository;
		this.land = land;
		this.messages = messages;
	}

	/** One consistent snapshot: every figure of the report read in one transaction. */
	@Transactional(readOnly = true)
	public HalfYearReport halfYear(ReportPeriod period, List<ReportSection> sections) {
		Locale locale = LocaleContextHolder.getLocale();
		List<FigureDef> defs = this.figures.of(sections, period);
		Map<String, HalfYearReport.Figure> values = new LinkedHashMap<>();
		for (FigureDef def : defs) {
			values.put(def.key(), figure(def, period, locale));
		}
		List<HalfYearReport.Section> result = new ArrayList<>();
		for (ReportSection section : sections) {
			List<HalfYearReport.Figure> ofSection = defs.stream()
				.filter((d) -> d.section() == section)
				.map((d) -> values.get(d.key()))
				.toList();
			result.add(new HalfYearReport.Section(section.key(), message("report.section." + section.key(), locale),
					text(section, ofSection, locale), ofSection));
		}
		return new HalfYearReport(period.from().toString(), period.to().toString(), period.timeZone(), result);
	}

	/** The rows behind one figure as a GeoJSON FeatureCollection. */
	@Transactional(readOnly = true)
	public String rows(String key, ReportPeriod period) {
		FigureDef def = this.figures.of(List.of(ReportSection.values()), period)
			.stream()
			.filter((d) -> d.key().equals(key))
			.findFirst()
			.orElseThrow(() -> ApiProblem.badRequest("unknown-figure", "report.figure.unknown", String.valueOf(key))
				.with("parameter", "figure"));
		return this.repository.rows(def, period);
	}

	private HalfYearReport.Figure figure(FigureDef def, ReportPeriod period, Locale locale) {
		Object[] args = def.labelArgs();
		if (def.section() == ReportSection.MUNICIPAL) {
			args = new Object[] { Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? args[0] : args[1] };
		}
		String rows = UriComponentsBuilder.fromPath("/api/reports/half-year/rows")
			.queryParam("figure", def.key())
			.queryParam("from", period.from())
			.queryParam("to", period.to())
			.build()
			.toUriString();
		return new HalfYearReport.Figure(def.key(), message(def.labelKey(), locale, args),
				this.repository.value(def, period).stripTrailingZeros(), def.unit(),
				message(def.definitionKey(), locale), rows);
	}

	/**
	 * The section's sentences: the seed's wording with {figure.key} replaced by the
	 * value; the park repeats its sentence per sub-zone, the municipal work lists every
	 * kind done.
	 */
	private String text(ReportSection section, List<HalfYearReport.Figure> figures, Locale locale) {
		Map<String, HalfYearReport.Figure> byKey = new LinkedHashMap<>();
		figures.forEach((f) -> byKey.put(f.key(), f));
		return switch (section) {
			case MUNICIPAL -> message("report.text.municipal", locale, String
				.join(message("report.text.separator", locale), figures.stream()
					.filter((f) -> f.value().signum() > 0)
					.map((f) -> message("report.text.municipal.item", locale, f.label(), plain(f.value()), f.unit()))
					.toList()));
			case PARK -> String.join(" ",
					this.land.chemicalParkSubzones()
						.stream()
						.map((z) -> fill(message("report.text.park", locale).replace("{zone}", z.name())
							.replace("{park.", "{park." + z.id() + "."), byKey))
						.toList());
			default -> fill(message("report.text." + section.key(), locale), byKey);
		};
	}

	private static String fill(String template, Map<String, HalfYearReport.Figure> figures) {
		Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder text = new StringBuilder();
		while (m.find()) {
			HalfYearReport.Figure f = figures.get(m.group(1));
			m.appendReplacement(text, Matcher.quoteReplacement((f == null) ? m.group() : plain(f.value())));
		}
		return m.appendTail(text).toString();
	}

	private static String plain(BigDecimal value) {
		return value.toPlainString();
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
