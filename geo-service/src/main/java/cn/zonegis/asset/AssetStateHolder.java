package cn.zonegis.asset;

import java.util.Optional;

/**
 * Open work of another feature that sets an asset's state when it ends: a repair order
 * puts a faulty streetlight back to normal when it closes. While such work holds the
 * state, a write through /api or OGC may not change it. The asset feature asks every such
 * bean and never reads their tables; they set the state through
 * {@link AssetService#setState}.
 */
public interface AssetStateHolder {

	/**
	 * The code of the open work on the asset that holds its state (a work order's), or
	 * empty when none does.
	 */
	Optional<String> heldBy(AssetKind kind, long id);

}
