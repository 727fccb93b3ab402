package cn.zonegis.land;

import cn.zonegis.ogc.FeatureRemover;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API - Features Part 4 writes on one {@link LandLayer}, through
 * {@link LandLayerService}.
 */
class LandLayerFeatureWriter implements FeatureRemover {

	private final LandLayer layer;

	private final LandLayerService layers;

	private final JsonMapper json;

	LandLayerFeatureWriter(LandLayer layer, LandLayerService layers, JsonMapper json) {
		this.layer = layer;
		this.layers = layers;
		this.json = json;
	}

	@Override
	public String collectionId() {
		return this.layer.collectionId();
	}

	@Override
	public long create(JsonNode feature) {
		return this.layers.create(this.layer, feature).id();
	}

	@Override
	public void replace(long id, JsonNode feature, Integer expectedVersion) {
		this.layers.replace(this.layer, id, feature, expectedVersion);
	}

	@Override
	public void update(long id, JsonNode patch, Integer expectedVersion) {
		JsonNode stored = this.json.readTree(this.layers.get(this.layer, id).feature());
		this.layers.replace(this.layer, id, MergePatch.apply(stored, patch), expectedVersion);
	}

	@Override
	public void delete(long id, Integer expectedVersion) {
		this.layers.delete(this.layer, id, expectedVersion);
	}

}
