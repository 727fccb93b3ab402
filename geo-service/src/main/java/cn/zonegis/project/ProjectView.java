package cn.zonegis.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zonegis.project.ProjectRepository.ProjectRow;
import tools.jackson.databind.util.RawValue;

/** A key project with its progress as of a day, ready to be a GeoJSON Feature. */
public record ProjectView(long id, String name, String level, String category, BigDecimal totalInvestmentWan,
		BigDecimal completedInvestmentWan, BigDecimal annualTargetWan, LocalDate startDate, String state,
		List<String> parcelCodes, int version, BigDecimal progress, BigDecimal expectedWan, boolean lagging,
		boolean exceededAnnualTarget, String geometry, String footprint) {

	static ProjectView of(ProjectRow row, LocalDate asOf) {
		ProjectProgress p = row.progress(asOf);
		return new ProjectView(row.id(), row.name(), row.level(), row.category(), row.totalInvestmentWan(),
				row.completedInvestmentWan(), row.annualTargetWan(), row.startDate(), row.state(), row.parcelCodes(),
				row.version(), p.progress(), p.expectedWan(), p.lagging(), p.exceededAnnualTarget(), row.geometry(),
				row.footprint());
	}

	/**
	 * The project as a GeoJSON Feature; geometry and footprint pass through as PostGIS
	 * wrote them.
	 */
	Map<String, Object> feature() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("name", this.name);
		properties.put("level", this.level);
		properties.put("category", this.category);
		properties.put("total_investment_wan", this.totalInvestmentWan);
		properties.put("completed_investment_wan", this.completedInvestmentWan);
		properties.put("annual_target_wan", this.annualTargetWan);
		properties.put("start_date", (this.startDate == null) ? null : this.startDate.toString());
		properties.put("state", this.state);
		properties.put("parcel_codes", this.parcelCodes);
		properties.put("version", this.version);
		properties.putAll(new ProjectProgress(this.progress, this.expectedWan, this.lagging, this.exceededAnnualTarget)
			.properties());
		properties.put("footprint", (this.footprint == null) ? null : new RawValue(this.footprint));
		Map<String, Object> feature = new LinkedHashMap<>();
		feature.put("type", "Feature");
		feature.put("id", this.id);
		feature.put("geometry", new RawValue(this.geometry));
		feature.put("properties", properties);
		return feature;
	}

}
