package cn.zonegis.land;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.GeometryCheck;
import tools.jackson.databind.JsonNode;

/**
 * Reads a parcel sent as a GeoJSON Feature: geometry in lon/lat, properties code, name, land_use,
 * land_class_code, holder, surveyed_area_m2 and note. Shared by /api/parcels and OGC API Part 4.
 */
final class ParcelFeatures {

	private ParcelFeatures() {
	}

	/** A draft and its note, as sent. */
	record Edit(ParcelDraft draft, String note) {
	}

	/** Reads the feature; the geometry's shape is checked here, its topology later (it may be repaired). */
	static Edit read(JsonNode feature, GeometryCheck check) {
		if (feature == null || !feature.isObject() || !"Feature".equals(feature.path("type").asString(""))) {
			throw ApiProblem.badRequest("invalid-parcel", "parcel.feature.required");
		}
		check.checkCrs(feature.get("crs"));
		JsonNode properties = feature.path("properties");
		ParcelDraft draft = new ParcelDraft(text(properties, "code"), text(properties, "name"),
				text(properties, "land_use"), text(properties, "land_class_code"), text(properties, "holder"),
				number(properties, "surveyed_area_m2"), check.read(feature.get("geometry")));
		return new Edit(draft, text(properties, "note"));
	}

	private static String text(JsonNode properties, String name) {
		JsonNode value = properties.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString() && !value.isNumber()) {
			throw ApiProblem.badRequest("invalid-parcel", "parcel.property.text", name).with("property", name);
		}
		String text = value.asString().strip();
		return text.isEmpty() ? null : text;
	}

	private static Double number(JsonNode properties, String name) {
		JsonNode value = properties.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < 0) {
			throw ApiProblem.badRequest("invalid-parcel", "parcel.property.number", name).with("property", name);
		}
		return value.asDouble();
	}

}
