package cn.zonegis.asset;

import cn.zonegis.ogc.FeatureRemover;
import tools.jackson.databind.JsonNode;

/**
 * OGC API - Features Part 4 writes on one asset collection, through the same
 * {@link AssetService} as /api.
 */
class AssetFeatureWriter implements FeatureRemover {

	private final AssetKind kind;

	private final AssetService assets;

	AssetFeatureWriter(AssetKind kind, AssetService assets) {
		this.kind = kind;
		this.assets = assets;
	}

	@Override
	public String collectionId() {
		return this.kind.collectionId();
	}

	@Override
	public long create(JsonNode feature) {
		return this.assets.create(this.kind, feature);
	}

	@Override
	public void replace(long id, JsonNode feature, Integer expectedVersion) {
		this.assets.replace(this.kind, id, feature, expectedVersion);
	}

	@Override
	public void update(long id, JsonNode patch, Integer expectedVersion) {
		this.assets.update(this.kind, id, patch, expectedVersion);
	}

	@Override
	public void delete(long id, Integer expectedVersion) {
		this.assets.delete(this.kind, id, expectedVersion);
	}

}
