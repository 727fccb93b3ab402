package cn.zonegis.project;

import java.math.BigDecimal;

/**
 * A project located in or across an area another feature asks about (an expansion zone).
 *
 * @param inside whether its footprint, or its point when none was drawn, lies wholly in
 * the area
 * @param footprintInsideM2 the part of its footprint inside the area, in m² in the
 * measuring CRS; 0 without a footprint
 */
public record ProjectInArea(long id, String name, String state, String category, BigDecimal totalInvestmentWan,
		BigDecimal completedInvestmentWan, boolean inside, double footprintInsideM2) {
}
