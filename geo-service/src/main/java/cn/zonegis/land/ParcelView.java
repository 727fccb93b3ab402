package cn.zonegis.land;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import cn.zonegis.geo.GeometryRepair.RepairReport;
import com.fasterxml.jackson.annotation.JsonRawValue;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A parcel as a GeoJSON Feature, with its official measures computed by PostGIS on every
 * read. {@code repair} and {@code clip} say what the server changed in the boundary that
 * was sent.
 */
public record ParcelView(String type, long id, @JsonRawValue String geometry, Properties properties,
		RepairReport repair, ClipReport clip) {

	ParcelView withReports(RepairReport repair, ClipReport clip) {
		return new ParcelView(this.type, this.id, this.geometry, this.properties, repair, clip);
	}

	/**
	 * @param areaM2 plane area in the measuring Gauss-Kruger CRS, m²
	 * @param areaMu the same in 亩
	 * @param areaHa the same in 公顷
	 * @param perimeterM plane perimeter, m
	 * @param ellipsoidalAreaM2 area on the CGCS2000 ellipsoid, m²
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record Properties(String code, String name, String landUse, String landClassCode, String holder,
			String status, OffsetDateTime statusChangedAt, BigDecimal surveyedAreaM2, String note, int version,
			OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy, double areaM2,
			double areaMu, double areaHa, double perimeterM, double ellipsoidalAreaM2) {
	}

	/**
	 * What {@code clip=true} cut away.
	 *
	 * @param clippedBy codes of the neighbours the boundary was cut back to
	 * @param areaBeforeM2 plane area as drawn
	 * @param areaAfterM2 plane area stored
	 */
	public record ClipReport(List<String> clippedBy, double areaBeforeM2, double areaAfterM2) {
	}

}
