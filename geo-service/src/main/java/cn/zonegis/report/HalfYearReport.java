package cn.zonegis.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The half-year report of a period: each section with its text, the seed's sentences with
 * the figures filled in, and each figure with what it counts and where its rows are.
 */
public record HalfYearReport(String from, String to, String timeZone, List<Section> sections) {

	/** One section of the report (保障项目用地, 市政配套…). */
	public record Section(String key, String title, String text, List<Figure> figures) {
	}

	/**
	 * @param rows the address of the rows behind the figure (GeoJSON, for the table and
	 * the map)
	 */
	public record Figure(String key, String label, BigDecimal value, String unit, String definition, String rows) {
	}

}
