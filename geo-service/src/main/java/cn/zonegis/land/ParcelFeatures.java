package cn.zonegis.land;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import cn.zonegis.NumericColumn;
import cn.zonegis.geo.GeometryCheck;
import tools.jackson.databind.JsonNode;

/**
 * Reads a parcel sent as a GeoJSON Feature: geometry in lon/lat, properties code, name,
 * land_use, land_class_code, holder, surveyed_area_m2 and note. Shared by /api/parcels
 * and OGC API Part 4.
 */
final class ParcelFeatures {

	private ParcelFeatures() {
	}

	/**
	 * A draft and its note, and the properties as sent: the read-only ones among them are
	 * checked against the saved parcel.
	 */
	record Edit(ParcelDraft draft, String note, JsonNode properties) {
	}

	/**
	 * What a planner writes; the rest of a parcel's properties are the lifecycle's and
	 * PostGIS's.
	 */
	static final List<String> WRITABLE = List.of("code", "name", "land_use", "land_class_code", "holder",
			"surveyed_area_m2", "note");

	/** parcel.surveyed_area_m2 is numeric(14,3): m² to the thousandth. */
	private static final NumericColumn SURVEYED_AREA = new NumericColumn(14, 3);

	/**
	 * What a read publishes that the lifecycle and PostGIS keep: sent back, it must be as
	 * it was read or as the saved parcel publishes it.
	 */
	static final Set<String> READ_ONLY = Set.of("status", "status_changed_at", "area_m2", "area_mu", "area_ha",
			"perimeter_m", "ellipsoidal_area_m2");

	/** Everything a read publishes, so a feature read can be written back as it came. */
	private static final List<String> KNOWN = Stream.concat(WRITABLE.stream(), READ_ONLY.stream()).toList();

	/**
	 * Reads the feature; the geometry's shape is checked here, its topology later (it may
	 * be repaired).
	 */
	static Edit read(JsonNode feature, GeometryCheck check) {
		FeatureProperties properties = FeatureProperties.of(feature, "invalid-parcel", KNOWN);
		check.checkCrs(feature.get("crs"));
		ParcelDraft draft = new ParcelDraft(properties.text("code"), properties.text("name"),
				properties.text("land_use"), properties.text("land_class_code"), properties.text("holder"),
				properties.nonNegative("surveyed_area_m2", SURVEYED_AREA), check.read(feature.get("geometry")));
		return new Edit(draft, properties.text("note"), feature.path("properties"));
	}

}
