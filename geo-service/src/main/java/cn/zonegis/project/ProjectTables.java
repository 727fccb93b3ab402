package cn.zonegis.project;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.zonegis.document.SpreadsheetTable;
import cn.zonegis.document.SpreadsheetTable.Column;
import cn.zonegis.document.TableParameters;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.ZoneTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Key projects (sort, asOf, bbox as /api/projects) as a spreadsheet. */
@Configuration
class ProjectTables {

	@Bean
	SpreadsheetTable projectsTable(ProjectService projects, ZoneTime zoneTime, JsonMapper json) {
		return new SpreadsheetTable("projects", "重点项目", "Key projects",
				List.of(Column.number("id", "序号", "ID"), Column.text("name", "项目名称", "Name"),
						Column.text("level", "级别", "Level"), Column.text("category", "类别", "Category"),
						Column.label("state", "状态", "State", "project.state.label."),
						Column.number("total_investment_wan", "总投资（万元）", "Total investment (10k CNY)"),
						Column.number("completed_investment_wan", "已完成投资（万元）", "Completed investment (10k CNY)"),
						Column.number("annual_target_wan", "年度目标（万元）", "Annual target (10k CNY)"),
						Column.number("progress", "进度", "Progress"), Column.bool("lagging", "滞后", "Lagging"),
						Column.text("start_date", "开工日期", "Start date"), Column.text("parcel_codes", "地块", "Parcels")),
				(parameters) -> {
					LocalDate asOf = TableParameters.optionalDate(parameters, "asOf");
					String sort = parameters.getOrDefault("sort", "id");
					List<Map<String, Object>> features = projects
						.list(sort, (asOf == null) ? zoneTime.today() : asOf,
								BBox.parse("bbox", parameters.get("bbox")))
						.stream()
						.map(ProjectView::feature)
						.toList();
					JsonNode collection = json.valueToTree(Map.of("features", features));
					return SpreadsheetTable.featureRows(collection);
				});
	}

}
