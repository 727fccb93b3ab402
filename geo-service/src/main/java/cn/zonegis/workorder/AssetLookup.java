package cn.zonegis.workorder;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.zonegis.asset.AssetKind;
import cn.zonegis.asset.AssetRef;
import cn.zonegis.asset.AssetService;
import org.locationtech.jts.geom.Geometry;

import org.springframework.stereotype.Component;

/**
 * How work orders see assets, through the asset feature's service: an order's asset_type
 * is the asset's table name, its point defaults to the asset's, and a fault or a closed
 * repair sets the asset's state (with the asset's own history and audit).
 */
@Component
class AssetLookup {

	/** The asset types a work order may be raised on (work_order.asset_type). */
	static final List<String> TYPES = Arrays.stream(AssetKind.values()).map(AssetKind::table).toList();

	private final AssetService assets;

	AssetLookup(AssetService assets) {
		this.assets = assets;
	}

	/** The asset, or empty when there is no asset of that type and id. */
	Optional<AssetRef> find(String type, long id) {
		return this.assets.find(AssetKind.of(type), id);
	}

	/** The centre lines of the road of that name, or empty when no road has it. */
	Optional<Geometry> road(String name) {
		return this.assets.unionByLabel(AssetKind.ROAD, name);
	}

	/**
	 * Sets the asset's state unless it is in that state already, so no empty version
	 * enters its history.
	 */
	void setState(String type, long id, String state, String reason) {
		AssetKind kind = AssetKind.of(type);
		this.assets.find(kind, id)
			.filter((asset) -> !state.equals(asset.state()))
			.ifPresent((asset) -> this.assets.setState(kind, id, state, reason));
	}

}
