package cn.zonegis.tiles;

import java.time.Duration;
import java.util.Set;

import cn.zonegis.ETag;
import cn.zonegis.ogc.CollectionDef;
import cn.zonegis.ogc.CollectionRegistry;
import cn.zonegis.ogc.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mapbox Vector Tiles of every registered collection, and their TileJSON. A tile outside
 * the collection's zoom range or without features is 204 No Content: the map draws
 * nothing there. A tile off the grid is a 400, and so is a query parameter neither takes.
 */
@RestController
class TileController {

	static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

	/**
	 * v: the web map counts its refreshes there to fetch a layer's tiles again past the
	 * browser cache after an edit; the tile is the same whatever it says.
	 */
	private static final Set<String> TILE_PARAMETERS = Set.of("v");

	private final CollectionRegistry registry;

	private final TileService tiles;

	private final TileJson tileJson;

	private final CacheControl cacheControl;

	TileController(CollectionRegistry registry, TileService tiles, TileJson tileJson, TileProperties properties) {
		this.registry = registry;
		this.tiles = tiles;
		this.tileJson = tileJson;
		this.cacheControl = CacheControl.maxAge(Duration.ofSeconds(properties.cacheSeconds())).cachePrivate();
	}

	@GetMapping("/tiles/{collectionId}/{z}/{x}/{y}.mvt")
	ResponseEntity<byte[]> tile(@PathVariable String collectionId, @PathVariable int z, @PathVariable int x,
			@PathVariable int y, @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletRequest request) {
		QueryParameters.acceptOnly(request.getParameterMap(), TILE_PARAMETERS);
		Tile tile = this.tiles.tile(this.registry.get(collectionId), z, x, y);
		if (tile.isEmpty()) {
			return ResponseEntity.noContent().cacheControl(this.cacheControl).build();
		}
		if (ETag.notModified(ifNoneMatch, tile.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				.eTag(tile.etag())
				.cacheControl(this.cacheControl)
				.build();
		}
		return ResponseEntity.ok()
			.contentType(MVT)
			.eTag(tile.etag())
			.cacheControl(this.cacheControl)
			.body(tile.bytes());
	}

	@GetMapping("/tiles/{collectionId}.json")
	ResponseEntity<ObjectNode> tileJson(@PathVariable String collectionId, HttpServletRequest request) {
		QueryParameters.acceptOnly(request.getParameterMap(), Set.of());
		CollectionDef def = this.registry.get(collectionId);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.tileJson.of(def, request));
	}

}
