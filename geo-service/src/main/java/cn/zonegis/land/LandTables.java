package cn.zonegis.land;

import java.util.List;

import cn.zonegis.document.SpreadsheetTable;
import cn.zonegis.document.SpreadsheetTable.Column;
import cn.zonegis.document.TableParameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The land tables beside the map as spreadsheets: the recovery register (its filters as
 * /api/land-recoveries) and the parcels of an expansion zone (zone = its id).
 */
@Configuration
class LandTables {

	@Bean
	SpreadsheetTable landRecoveriesTable(LandRecoveryService recoveries, JsonMapper json) {
		return new SpreadsheetTable("land-recoveries", "闲置低效用地收回台账", "Land recovery register",
				List.of(Column.number("id", "序号", "ID"), Column.text("parcel_code", "地块编号", "Parcel code"),
						Column.text("former_holder", "原权利人", "Former holder"),
						Column.text("land_use", "用地性质", "Land use"),
						Column.label("reason", "收回原因", "Reason", "recovery.reason.label."),
						Column.text("legal_basis", "收回依据", "Legal basis"),
						Column.text("decision_date", "决定日期", "Decision date"),
						Column.bool("certificate_cancelled", "证书已注销", "Certificate cancelled"),
						Column.area("area_m2", "area_mu", "收回面积", "Area"), Column.text("note", "备注", "Note")),
				(parameters) -> SpreadsheetTable
					.featureRows(json.readTree(recoveries.register(TableParameters.optionalInt(parameters, "year"),
							parameters.get("reason"), parameters.get("landUse")))));
	}

	@Bean
	SpreadsheetTable zoneContentsTable(ZoneContentsService contents, JsonMapper json) {
		return new SpreadsheetTable("zone-contents", "片区内地块", "Parcels in the zone",
				List.of(Column.number("id", "序号", "ID"), Column.text("code", "地块编号", "Code"),
						Column.text("name", "地块名称", "Name"), Column.label("status", "状态", "Status", "parcel.status."),
						Column.text("landUse", "用地性质", "Land use"), Column.text("holder", "权利人", "Holder"),
						Column.text("relation", "与片区关系", "Relation"),
						Column.area("areaM2", "areaMu", "地块面积", "Parcel area"),
						Column.area("areaInsideM2", "areaInsideMu", "片区内面积", "Area inside the zone")),
				(parameters) -> {
					ZoneContents zone = contents.contents(TableParameters.requiredLong(parameters, "zone"));
					return zone.parcels().stream().map((parcel) -> row(json, parcel)).toList();
				});
	}

	/**
	 * The parcel as /api/zones/{id}/contents writes it, with its two areas in m² and 亩 on
	 * top.
	 */
	private static JsonNode row(JsonMapper json, ZoneContents.ParcelInZone parcel) {
		ObjectNode row = json.valueToTree(parcel);
		row.put("areaM2", parcel.area().m2());
		row.put("areaMu", parcel.area().mu());
		row.put("areaInsideM2", parcel.areaInside().m2());
		row.put("areaInsideMu", parcel.areaInside().mu());
		return row;
	}

}
