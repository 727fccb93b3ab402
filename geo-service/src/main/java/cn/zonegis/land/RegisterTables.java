package cn.zonegis.land;

import cn.zonegis.document.SpreadsheetTable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registers of the half-year report as downloads (/api/tables/{id}.xlsx and .csv):
 * the columns their import reads back.
 */
@Configuration
class RegisterTables {

	@Bean
	SpreadsheetTable buildingsTable(LandLayerService layers) {
		return table(layers, LandLayer.BUILDING);
	}

	@Bean
	SpreadsheetTable selfBuiltHousesTable(LandLayerService layers) {
		return table(layers, LandLayer.SELF_BUILT_HOUSE);
	}

	@Bean
	SpreadsheetTable parkEntryReviewsTable(LandLayerService layers) {
		return table(layers, LandLayer.PARK_ENTRY_REVIEW);
	}

	private static SpreadsheetTable table(LandLayerService layers, LandLayer layer) {
		RegisterSheet sheet = RegisterSheet.of(layer);
		return sheet.table((parameters) -> layers.sheetRows(sheet));
	}

}
