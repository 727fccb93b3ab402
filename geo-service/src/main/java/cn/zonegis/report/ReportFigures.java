package cn.zonegis.report;

import java.util.List;

/**
 * What a feature contributes to the half-year report: the figures over the rows it owns.
 * Each feature implements it as a bean; the report collects them all and never reads a
 * feature's tables itself, as {@code ogc} never does through its collection registry.
 */
public interface ReportFigures {

	/**
	 * This feature's figures of that section, in the report's order; empty when it has
	 * none there.
	 */
	List<FigureDef> figures(ReportSection section, ReportPeriod period);

}
