package cn.zonegis.workorder;

import cn.zonegis.ApiProblem;
import cn.zonegis.asset.AssetRef;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.GeoProperties;
import cn.zonegis.land.LandLayerService;

import org.springframework.stereotype.Component;

/**
 * Checks what a client sends about a work order before any rule runs; each refusal names
 * the field.
 */
@Component
class WorkOrderInput {

	private final GeoProperties geo;

	private final AssetLookup assets;

	private final LandLayerService land;

	WorkOrderInput(GeoProperties geo, AssetLookup assets, LandLayerService land) {
		this.geo = geo;
		this.assets = assets;
		this.land = land;
	}

	/**
	 * A description or note exactly as sent, line breaks and blanks included (they are
	 * its content), of at most max characters; empty reads as null, allowed unless
	 * required, and a required one may not be blank.
	 */
	String text(String field, String value, int max, boolean required) {
		if (required && (value == null || value.isBlank())) {
			throw ApiProblem.badRequest("missing-field", "workorder.field.missing", field).with("parameter", field);
		}
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (value.length() > max) {
			throw ApiProblem.badRequest("field-too-long", "workorder.field.tooLong", field, max)
				.with("parameter", field);
		}
		return value;
	}

	/** The asset a type and id name, null when neither is given. */
	AssetRef asset(String type, Long id) {
		if (type == null && id == null) {
			return null;
		}
		if (type == null || id == null || !AssetLookup.TYPES.contains(type)) {
			throw ApiProblem.badRequest("invalid-asset", "workorder.asset.invalid", String.valueOf(type))
				.with("parameter", "assetType")
				.with("allowed", AssetLookup.TYPES);
		}
		return this.assets.find(type, id)
			.orElseThrow(
					() -> ApiProblem.unprocessable("unknown-asset", "workorder.asset.unknown", type, String.valueOf(id))
						.with("parameter", "assetId"));
	}

	/** The enterprise's point, null when no enterprise is given. */
	LonLat enterprise(Long id) {
		if (id == null) {
			return null;
		}
		return this.land.enterprise(id)
			.map((enterprise) -> new LonLat(enterprise.lon(), enterprise.lat()))
			.orElseThrow(() -> ApiProblem
				.unprocessable("unknown-enterprise", "workorder.enterprise.unknown", String.valueOf(id))
				.with("parameter", "enterpriseId"));
	}

	/** The given point, else the fallback; either must be a lon/lat inside the zone. */
	LonLat location(LonLat given, LonLat fallback) {
		LonLat at = (given != null) ? given : fallback;
		if (at == null) {
			throw ApiProblem.badRequest("missing-location", "workorder.location.missing").with("parameter", "location");
		}
		return point(at);
	}

	/**
	 * An optional point where a step was taken; when given it must lie inside the zone.
	 */
	LonLat optionalPoint(LonLat at) {
		return (at == null) ? null : point(at);
	}

	private LonLat point(LonLat at) {
		if (at.lon() == null || at.lat() == null || !Double.isFinite(at.lon()) || !Double.isFinite(at.lat())) {
			throw ApiProblem.badRequest("invalid-location", "workorder.location.invalid").with("parameter", "location");
		}
		BBox extent = this.geo.extentBox();
		if (!extent.contains(at.lon(), at.lat())) {
			throw ApiProblem
				.unprocessable("outside-zone", "workorder.location.outside", at.lon(), at.lat(), extent.minLon(),
						extent.minLat(), extent.maxLon(), extent.maxLat())
				.with("parameter", "location")
				.with("location", at);
		}
		return at;
	}

}
