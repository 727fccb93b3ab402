package cn.zonegis.land;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.zonegis.ApiProblem;
import cn.zonegis.document.SpreadsheetTable;

/**
 * A register of the half-year report as a sheet: the columns its Excel and CSV files
 * hold, in order, with their Chinese and English headers. The export writes them and the
 * import reads them back, by property name or by either header, so an exported file
 * edited in Excel imports as it is. Geometry is lon/lat (EPSG:4490) for point registers
 * and WKT for footprints.
 *
 * @param layer the register's layer
 * @param titleZh the sheet's Chinese title
 * @param titleEn its English title
 * @param fields the columns
 */
record RegisterSheet(LandLayer layer, String titleZh, String titleEn, List<Field> fields) {

	/** How a cell is read and written. */
	enum Type {

		TEXT, INTEGER, NUMBER, BOOLEAN, DATE,
		/** Longitude of a point geometry. */
		LON,
		/** Latitude of a point geometry. */
		LAT,
		/** A polygon or multipolygon in WKT, lon/lat. */
		WKT

	}

	record Field(String property, String zh, String en, Type type) {

		/** Whether the header names this column: its property, or either header. */
		boolean namedBy(String header) {
			String h = header.strip();
			return h.equalsIgnoreCase(this.property) || h.equals(this.zh) || h.equalsIgnoreCase(this.en);
		}

		boolean geometry() {
			return this.type == Type.LON || this.type == Type.LAT || this.type == Type.WKT;
		}

		SpreadsheetTable.Column column() {
			return switch (this.type) {
				case INTEGER, NUMBER, LON, LAT -> SpreadsheetTable.Column.number(this.property, this.zh, this.en);
				case BOOLEAN -> SpreadsheetTable.Column.bool(this.property, this.zh, this.en);
				default -> SpreadsheetTable.Column.text(this.property, this.zh, this.en);
			};
		}

	}

	private static final List<Field> POINT = List.of(new Field("lon", "经度", "Longitude", Type.LON),
			new Field("lat", "纬度", "Latitude", Type.LAT));

	static final List<RegisterSheet> ALL = List
		.of(new RegisterSheet(LandLayer.BUILDING, "建筑物未办证台账", "Buildings and certificates",
				List.of(text("code", "编号", "Code"), text("name", "名称", "Name"),
						new Field("enterprise_id", "企业ID", "Enterprise ID", Type.INTEGER),
						new Field("parcel_id", "地块ID", "Parcel ID", Type.INTEGER),
						new Field("floors", "层数", "Floors", Type.INTEGER),
						new Field("floor_area_m2", "建筑面积（平方米）", "Floor area (m²)", Type.NUMBER),
						text("land_cert_state", "土地证状态", "Land certificate"),
						text("land_cert_no", "土地证号", "Land certificate number"),
						date("land_cert_on", "土地证日期", "Land certificate date"),
						text("property_cert_state", "房产证状态", "Property certificate"),
						text("property_cert_no", "房产证号", "Property certificate number"),
						date("property_cert_on", "房产证日期", "Property certificate date"),
						text("missing_reason", "未办证原因",
								"Reason missing"),
						date("surveyed_on", "调查日期", "Surveyed on"),
						new Field("wkt", "轮廓（WKT）", "Footprint (WKT)", Type.WKT))),
				new RegisterSheet(LandLayer.SELF_BUILT_HOUSE, "自建房排查台账", "Self-built house survey", concat(List.of(
						text("code", "编号", "Code"), text("address", "地址", "Address"), text("owner", "户主", "Owner"),
						new Field("floors", "层数", "Floors", Type.INTEGER),
						new Field("operating", "经营性", "Operating", Type.BOOLEAN), text("business", "经营内容", "Business"),
						new Field("hazard", "存在隐患", "Hazard", Type.BOOLEAN),
						text("hazard_note", "隐患情况", "Hazard found"), text("appraisal_state", "鉴定状态", "Appraisal"),
						text("appraisal_grade", "鉴定等级", "Appraisal grade"),
						date("appraised_on", "鉴定日期", "Appraised on"), text("rectification", "整改情况", "Rectification"),
						date("surveyed_on", "排查日期", "Surveyed on")), POINT)),
				new RegisterSheet(LandLayer.PARK_ENTRY_REVIEW, "入园审查台账", "Park entry reviews",
						concat(List.of(text("code", "编号", "Code"), text("project_name", "项目名称", "Project"),
								text("applicant", "申请单位", "Applicant"),
								new Field("zone_id", "片区ID", "Zone ID", Type.INTEGER),
								date("submitted_on", "申请日期", "Submitted on"), text("outcome", "审查结果", "Outcome"),
								text("opinion", "审查意见", "Opinion"), date("opinion_on", "意见日期", "Opinion date")),
								POINT)));

	/** The register of that layer; 404 for a layer that is no register. */
	static RegisterSheet of(LandLayer layer) {
		return find(layer).orElseThrow(() -> ApiProblem.notFound("problem.path.unknown", layer.path()));
	}

	static Optional<RegisterSheet> find(LandLayer layer) {
		return ALL.stream().filter((s) -> s.layer == layer).findFirst();
	}

	/** The table id in /api/tables/{id}.xlsx: the layer's path. */
	String tableId() {
		return this.layer.path();
	}

	String title(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.titleEn : this.titleZh;
	}

	boolean pointGeometry() {
		return this.fields.stream().anyMatch((f) -> f.type() == Type.LON);
	}

	SpreadsheetTable table(SpreadsheetTable.Rows rows) {
		return new SpreadsheetTable(tableId(), this.titleZh, this.titleEn,
				this.fields.stream().map(Field::column).toList(), rows);
	}

	private static Field text(String property, String zh, String en) {
		return new Field(property, zh, en, Type.TEXT);
	}

	private static Field date(String property, String zh, String en) {
		return new Field(property, zh, en, Type.DATE);
	}

	private static List<Field> concat(List<Field> first, List<Field> second) {
		return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
	}

}
