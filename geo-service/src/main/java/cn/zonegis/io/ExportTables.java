package cn.zonegis.io;

import java.io.ByteArrayOutputStream;
import java.util.List;

import cn.zonegis.document.SpreadsheetTable;
import cn.zonegis.document.SpreadsheetTable.Column;
import cn.zonegis.geo.BBox;
import cn.zonegis.land.ParcelSelection;
import cn.zonegis.land.ParcelService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parcels of a selection (ids, bbox, status, as /api/parcels/export) as a
 * spreadsheet.
 */
@Configuration
class ExportTables {

	@Bean
	SpreadsheetTable parcelsTable(ParcelService parcels, JsonMapper json) {
		return new SpreadsheetTable("parcels", "地块", "Parcels", List.of(Column.number("id", "序号", "ID"),
				Column.text("code", "地块编号", "Code"), Column.text("name", "地块名称", "Name"),
				Column.text("land_use", "用地性质", "Land use"), Column.text("land_class_code", "地类编码", "Land class code"),
				Column.text("holder", "权利人", "Holder"), Column.label("status", "状态", "Status", "parcel.status."),
				Column.area("area_m2", "area_mu", "面积", "Area"), Column.number("area_ha", "面积（公顷）", "Area (ha)"),
				Column.number("surveyed_area_m2", "测量面积（平方米）", "Surveyed area (m²)"),
				Column.number("version", "版本", "Version")), (parameters) -> {
					ParcelSelection selection = new ParcelSelection(ExportController.ids(parameters.get("ids")),
							BBox.parse("bbox", parameters.get("bbox")),
							ExportController.statuses(parameters.get("status")));
					ByteArrayOutputStream geojson = new ByteArrayOutputStream();
					parcels.exportSelection(selection, geojson);
					return SpreadsheetTable.featureRows(json.readTree(geojson.toByteArray()));
				});
	}

}
