package cn.zonegis.land;

import cn.zonegis.geo.GeometryCheck;
import cn.zonegis.ogc.FeatureWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * OGC API - Features Part 4 writes on "parcels", through the same services as
 * /api/parcels: red-line checks, history, audit. A parcel is never deleted: it is
 * cancelled (注销) through its lifecycle, on /api, and stays in the register.
 */
@Component
class ParcelFeatureWriter implements FeatureWriter {

	private final ParcelService parcels;

	private final GeometryCheck geometry;

	private final JsonMapper json;

	ParcelFeatureWriter(ParcelService parcels, GeometryCheck geometry, JsonMapper json) {
		this.parcels = parcels;
		this.geometry = geometry;
		this.json = json;
	}

	@Override
	public String collectionId() {
		return "parcels";
	}

	@Override
	public long create(JsonNode feature) {
		ParcelFeatures.Edit edit = ParcelFeatures.read(feature, this.geometry);
		return this.parcels.create(edit.draft(), edit.note(), edit.properties(), EditOptions.STRICT).id();
	}

	@Override
	public void replace(long id, JsonNode feature, Integer expectedVersion) {
		ParcelFeatures.Edit edit = ParcelFeatures.read(feature, this.geometry);
		this.parcels.replace(id, edit.draft(), edit.note(), edit.properties(), expectedVersion, EditOptions.STRICT);
	}

	@Override
	public void update(long id, JsonNode patch, Integer expectedVersion) {
		ParcelView stored = this.parcels.get(id);
		ObjectNode feature = this.json.createObjectNode();
		feature.put("type", "Feature");
		feature.set("geometry", this.json.readTree(stored.geometry()));
		feature.set("properties", this.json.valueToTree(stored.properties()));
		replace(id, MergePatch.apply(feature, patch), expectedVersion);
	}

	/**
	 * The register keeps every parcel: DELETE would have to cancel it and keep it at its
	 * URL, which OGC API Part 4 does not call a delete.
	 */
	@Override
	public String deleteRefusal() {
		return "parcel.delete.refused";
	}

}
