package cn.zonegis.tiles;

import java.util.List;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.GeoProperties;
import cn.zonegis.ogc.CollectionDef;
import cn.zonegis.ogc.CollectionRegistry;
import cn.zonegis.ogc.OgcExtension;
import cn.zonegis.ogc.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OGC API - Tiles Part 1 over the vector tiles of /tiles: the WebMercatorQuad tile matrix
 * set, each collection's tileset and its tiles at
 * {@code …/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}} (row before column,
 * the reverse of /tiles' z/x/y). A tile is the very response of /tiles, so both share the
 * tile code, its cache and its ETags. The tile matrix sets and tilesets are JSON only:
 * {@code f} may ask for json, and any other query parameter is a 400 naming it.
 */
@RestController
class OgcTilesController implements OgcExtension {

	private static final String TILES_1 = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/";

	private static final String TMS = "http://www.opengis.net/spec/tms/2.0/conf/";

	private static final String TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";

	private static final String TILING_SCHEMES = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";

	private static final String TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";

	private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

	private final CollectionRegistry registry;

	private final TileController tiles;

	private final GeoProperties geo;

	private final JsonMapper json;

	OgcTilesController(CollectionRegistry registry, TileController tiles, GeoProperties geo, JsonMapper json) {
		this.registry = registry;
		this.tiles = tiles;
		this.geo = geo;
		this.json = json;
	}

	@Override
	public List<String> conformance() {
		return List.of(TILES_1 + "core", TILES_1 + "tileset", TILES_1 + "tilesets-list", TILES_1 + "geodata-tilesets",
				TILES_1 + "mvt", TMS + "tilematrixset", TMS + "json-tilematrixset");
	}

	@Override
	public List<Link> landingLinks() {
		return List
			.of(new Link("/tileMatrixSets", TILING_SCHEMES, MediaType.APPLICATION_JSON_VALUE, "Tile matrix sets"));
	}

	@Override
	public List<Link> collectionLinks(CollectionDef def) {
		return List.of(new Link("/collections/" + def.id() + "/tiles", TILESETS_VECTOR,
				MediaType.APPLICATION_JSON_VALUE, "Vector tilesets"));
	}

	@GetMapping("/ogc/tileMatrixSets")
	ResponseEntity<ObjectNode> tileMatrixSets(HttpServletRequest request) {
		QueryParameters.acceptOnlyJson(request.getParameterMap());
		ObjectNode body = this.json.createObjectNode();
		ObjectNode set = body.putArray("tileMatrixSets")
			.addObject()
			.put("id", WebMercatorQuad.ID)
			.put("title", "Google Maps Compatible for the World")
			.put("uri", WebMercatorQuad.URI);
		link(set.putArray("links"), url(request, "/tileMatrixSets/" + WebMercatorQuad.ID), "self",
				MediaType.APPLICATION_JSON_VALUE);
		return json(body);
	}

	@GetMapping("/ogc/tileMatrixSets/{tileMatrixSetId}")
	ResponseEntity<ObjectNode> tileMatrixSet(@PathVariable String tileMatrixSetId, HttpServletRequest request) {
		QueryParameters.acceptOnlyJson(request.getParameterMap());
		checkTileMatrixSet(tileMatrixSetId);
		return json(WebMercatorQuad.definition(this.json));
	}

	@GetMapping("/ogc/collections/{collectionId}/tiles")
	ResponseEntity<ObjectNode> tilesets(@PathVariable String collectionId, HttpServletRequest request) {
		QueryParameters.acceptOnlyJson(request.getParameterMap());
		CollectionDef def = this.registry.get(collectionId);
		String path = "/collections/" + def.id() + "/tiles";
		ObjectNode body = this.json.createObjectNode();
		link(body.putArray("links"), url(request, path), "self", MediaType.APPLICATION_JSON_VALUE);
		ObjectNode tileset = body.putArray("tilesets").addObject();
		summary(tileset, def);
		ArrayNode links = tileset.putArray("links");
		link(links, url(request, path + "/" + WebMercatorQuad.ID), "self", MediaType.APPLICATION_JSON_VALUE);
		link(links, url(request, "/tileMatrixSets/" + WebMercatorQuad.ID), TILING_SCHEME,
				MediaType.APPLICATION_JSON_VALUE);
		return json(body);
	}

	@GetMapping("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}")
	ResponseEntity<ObjectNode> tileset(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
			HttpServletRequest request) {
		QueryParameters.acceptOnlyJson(request.getParameterMap());
		CollectionDef def = this.registry.get(collectionId);
		checkTileMatrixSet(tileMatrixSetId);
		String path = "/collections/" + def.id() + "/tiles/" + WebMercatorQuad.ID;
		ObjectNode tileset = this.json.createObjectNode();
		summary(tileset, def);
		double[] bbox = bbox();
		ObjectNode box = tileset.putObject("boundingBox").put("crs", CRS84);
		box.putArray("lowerLeft").add(bbox[0]).add(bbox[1]);
		box.putArray("upperRight").add(bbox[2]).add(bbox[3]);
		ArrayNode limits = tileset.putArray("tileMatrixSetLimits");
		for (int zoom = def.minZoom(); zoom <= def.maxZoom(); zoom++) {
			limits.addObject()
				.put("tileMatrix", Integer.toString(zoom))
				.put("minTileRow", WebMercatorQuad.row(bbox[3], zoom))
				.put("maxTileRow", WebMercatorQuad.row(bbox[1], zoom))
				.put("minTileCol", WebMercatorQuad.column(bbox[0], zoom))
				.put("maxTileCol", WebMercatorQuad.column(bbox[2], zoom));
		}
		tileset.putArray("layers")
			.addObject()
			.put("id", def.id())
			.put("title", def.titleEn())
			.put("dataType", "vector")
			.put("geometryDimension", geometryDimension(def.geometryType()))
			.put("minTileMatrix", Integer.toString(def.minZoom()))
			.put("maxTileMatrix", Integer.toString(def.maxZoom()));
		ArrayNode links = tileset.putArray("links");
		link(links, url(request, path), "self", MediaType.APPLICATION_JSON_VALUE);
		link(links, url(request, "/tileMatrixSets/" + WebMercatorQuad.ID), TILING_SCHEME,
				MediaType.APPLICATION_JSON_VALUE);
		link(links, url(request, path + "/{tileMatrix}/{tileRow}/{tileCol}"), "item", TileController.MVT.toString())
			.put("templated", true);
		link(links,
				ServletUriComponentsBuilder.fromContextPath(request).path("/tiles/" + def.id() + ".json").toUriString(),
				"describedby", MediaType.APPLICATION_JSON_VALUE)
			.put("title", "TileJSON");
		return json(tileset);
	}

	@GetMapping("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
	ResponseEntity<byte[]> tile(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
			@PathVariable int tileMatrix, @PathVariable int tileRow, @PathVariable int tileCol,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletRequest request) {
		checkTileMatrixSet(tileMatrixSetId);
		return this.tiles.tile(collectionId, tileMatrix, tileCol, tileRow, ifNoneMatch, request);
	}

	private void summary(ObjectNode tileset, CollectionDef def) {
		tileset.put("title", def.titleZh() + " / " + def.titleEn())
			.put("dataType", "vector")
			.put("crs", WebMercatorQuad.CRS)
			.put("tileMatrixSetURI", WebMercatorQuad.URI);
	}

	/**
	 * The zone's extent: every stored coordinate lies inside it, so the limits hold
	 * whatever is drawn next.
	 */
	private double[] bbox() {
		return this.geo.extent().stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static int geometryDimension(String geometryType) {
		if (geometryType.endsWith("Point")) {
			return 0;
		}
		return geometryType.endsWith("LineString") ? 1 : 2;
	}

	private static void checkTileMatrixSet(String id) {
		if (!WebMercatorQuad.ID.equals(id)) {
			throw ApiProblem.notFound("problem.tileMatrixSet.unknown", id).with("tileMatrixSet", id);
		}
	}

	private static String url(HttpServletRequest request, String path) {
		// Appended, not parsed: the tile template's braces are not URI variables here.
		return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() + "/ogc" + path;
	}

	private static ObjectNode link(ArrayNode links, String href, String rel, String type) {
		return links.addObject().put("href", href).put("rel", rel).put("type", type);
	}

	private static ResponseEntity<ObjectNode> json(ObjectNode body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
