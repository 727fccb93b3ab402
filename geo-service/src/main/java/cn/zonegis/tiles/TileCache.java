package cn.zonegis.tiles;

import java.util.List;
import java.util.function.Supplier;

import cn.zonegis.ogc.CollectionDef;
import cn.zonegis.ogc.RowScope;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Built tiles in memory, at most {@link TileProperties#cacheMegabytes()} of them. Only
 * used while {@link TileChanges} listens for edits: a change to a table drops every
 * cached tile of that table that its old or new bounding box touches, at every zoom.
 */
@Component
class TileCache {

	/** Bytes counted per entry beyond the tile itself (key, ETag, Caffeine's node). */
	private static final int ENTRY_OVERHEAD = 200;

	private final Cache<Key, Tile> tiles;

	/** Guards epoch, so a tile built before an invalidation is never stored after it. */
	private final Object lock = new Object();

	private long epoch;

	private volatile boolean listening;

	TileCache(TileProperties properties) {
		this.tiles = (properties.cacheMegabytes() <= 0) ? null
				: Caffeine.newBuilder()
					.maximumWeight(properties.cacheMegabytes() * 1024L * 1024L)
					.<Key, Tile>weigher((key, tile) -> tile.bytes().length + ENTRY_OVERHEAD)
					.build();
	}

	/** Whether tiles are kept at all: configured, and edits are being heard. */
	boolean active() {
		return this.tiles != null && this.listening;
	}

	/**
	 * The cached tile, or the one build makes (stored unless an edit came meanwhile); one
	 * per restriction of the rows read, so a user never gets a tile made for another.
	 */
	Tile get(CollectionDef def, TileAddress address, RowScope.Restriction readable, Supplier<Tile> build) {
		if (!active()) {
			return build.get();
		}
		Key key = new Key(def.table(), def.id(), address, (readable != null) ? readable.key() : "");
		Tile cached = this.tiles.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		long before;
		synchronized (this.lock) {
			before = this.epoch;
		}
		Tile built = build.get();
		synchronized (this.lock) {
			if (this.epoch == before && this.listening) {
				this.tiles.put(key, built);
			}
		}
		return built;
	}

	/**
	 * Drops the tiles of table that any box (minLon, minLat, maxLon, maxLat) touches,
	 * with the margin a tile query reads beyond the tile's edge.
	 */
	void invalidate(String table, List<double[]> boxes) {
		if (this.tiles == null) {
			return;
		}
		synchronized (this.lock) {
			this.epoch++;
			this.tiles.asMap()
				.keySet()
				.removeIf((key) -> key.table().equals(table)
						&& boxes.stream().anyMatch((box) -> key.address().touches(box, TileRepository.MARGIN)));
		}
	}

	/** Starts or stops keeping tiles; either way nothing cached so far is trusted. */
	void listening(boolean listening) {
		synchronized (this.lock) {
			this.listening = listening;
			this.epoch++;
			if (this.tiles != null) {
				this.tiles.invalidateAll();
			}
		}
	}

	/** Drops every tile: when an edit may have been missed. */
	void invalidateAll() {
		listening(this.listening);
	}

	long size() {
		return (this.tiles != null) ? this.tiles.estimatedSize() : 0;
	}

	/** readableBy: the key of the restriction the tile was made under, empty for none. */
	private record Key(String table, String collection, TileAddress address, String readableBy) {
	}

}
