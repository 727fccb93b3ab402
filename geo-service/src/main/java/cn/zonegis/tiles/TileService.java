package cn.zonegis.tiles;

import cn.zonegis.ogc.CollectionDef;
import cn.zonegis.ogc.RowScope;

import org.springframework.stereotype.Service;

/**
 * Vector tiles of any registered collection, from the edit-aware cache when it holds
 * them: the one way to a tile, for /tiles and for the OGC API - Tiles endpoints.
 */
@Service
public class TileService {

	private final TileRepository repository;

	private final TileCache cache;

	TileService(TileRepository repository, TileCache cache) {
		this.repository = repository;
		this.cache = cache;
	}

	/**
	 * The tile at z/x/y (400 when off the grid) of the features the user may read; empty
	 * outside the collection's zooms or where it has no feature.
	 */
	public Tile tile(CollectionDef def, int z, int x, int y) {
		TileAddress address = TileAddress.of(z, x, y);
		if (z < def.minZoom() || z > def.maxZoom()) {
			return Tile.of(null);
		}
		RowScope.Restriction readable = def.readableRows().current();
		return this.cache.get(def, address, readable, () -> Tile.of(this.repository.tile(def, address, readable)));
	}

}
