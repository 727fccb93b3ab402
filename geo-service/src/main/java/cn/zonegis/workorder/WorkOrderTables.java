package cn.zonegis.workorder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import cn.zonegis.document.SpreadsheetTable;
import cn.zonegis.document.SpreadsheetTable.Column;
import cn.zonegis.document.TableParameters;
import cn.zonegis.geo.ZoneTime;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Work orders with the dispatch board's filters (as /api/workorders) as a spreadsheet.
 */
@Configuration
class WorkOrderTables {

	@Bean
	SpreadsheetTable workOrdersTable(WorkOrderQueryService queries, ZoneTime zoneTime, JsonMapper json) {
		return new SpreadsheetTable("workorders", "工单", "Work orders",
				List.of(Column.number("id", "序号", "ID"), Column.text("code", "工单编号", "Code"),
						Column.label("kind", "类型", "Kind", "workorder.kind.label."),
						Column.label("priority", "优先级", "Priority", "workorder.priority.label."),
						Column.label("state", "状态", "State", "workorder.state.label."),
						Column.text("description", "描述", "Description"), Column.text("crewName", "班组", "Crew"),
						Column.text("reportedBy", "报告人", "Reported by"), Column.text("dueAt", "期限", "Due"),
						Column.bool("overdue", "超期", "Overdue"), Column.number("quantity", "工程量", "Quantity"),
						Column.text("quantityUnit", "单位", "Unit"), Column.text("createdAt", "创建时间", "Created")),
				(parameters) -> {
					Long crewId = TableParameters.optionalLong(parameters, "crewId");
					String overdue = parameters.get("overdue");
					WorkOrderFilter filter = WorkOrderFilter.parse(parameters.get("bbox"), parameters.get("state"),
							parameters.get("kind"), crewId, (overdue == null) ? null : Boolean.valueOf(overdue),
							parameters.get("from"), parameters.get("to"), zoneTime);
					Integer limit = TableParameters.optionalInt(parameters, "limit");
					ByteArrayOutputStream geojson = new ByteArrayOutputStream();
					try {
						queries.list(filter, (limit == null) ? 1000 : limit).writeTo(geojson);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
					return SpreadsheetTable.featureRows(json.readTree(geojson.toByteArray()));
				});
	}

}
