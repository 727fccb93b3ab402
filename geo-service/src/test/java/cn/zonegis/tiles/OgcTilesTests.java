package cn.zonegis.tiles;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zonegis.GdalCommand;
import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.ogc.CollectionDef;
import cn.zonegis.ogc.CollectionRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static cn.zonegis.JsonMembers.memberWith;
import static cn.zonegis.Problems.assertBadParameter;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * OGC API - Tiles under /ogc: a client that knows only the landing page finds each
 * collection's vector tiles, and gets the same tiles as /tiles, row before column.
 */
class OgcTilesTests extends IntegrationTest {

	private static final String TILES_CORE = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core";

	private static final String TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";

	private static final String MVT = "application/vnd.mapbox-vector-tile";

	/** The middle of the demo zone's parcels, at zoom 15. */
	private static final int ZOOM = 15;

	private static final int ROW = 12732;

	private static final int COL = 27493;

	@Autowired
	private CollectionRegistry registry;

	private static String path(String href) {
		return href.substring(href.indexOf("/ogc"));
	}

	private static String link(JsonNode links, String rel, String type) {
		for (JsonNode link : links) {
			if (link.get("rel").asString().equals(rel) && (type == null || link.get("type").asString().equals(type))) {
				return link.get("href").asString();
			}
		}
		throw new AssertionError("no " + rel + " link of type " + type + " in " + links);
	}

	/** The tile URL template a client reaches from /ogc alone, for one collection. */
	private String tileTemplate(Http client, String collectionId) {
		JsonNode collections = client.get("/ogc/collections").json().get("collections");
		JsonNode collection = memberWith(collections, "id", collectionId);
		JsonNode tilesets = client.get(path(link(collection.get("links"), TILESETS_VECTOR, "application/json")))
			.json()
			.get("tilesets");
		assertThat(tilesets.get(0).get("tileMatrixSetURI").asString())
			.isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
		JsonNode tileset = client.get(path(link(tilesets.get(0).get("links"), "self", null))).json();
		assertThat(tileset.get("dataType").asString()).isEqualTo("vector");
		return link(tileset.get("links"), "item", MVT);
	}

	private static String fill(String template, int tileMatrix, int tileRow, int tileCol) {
		return template.replace("{tileMatrix}", Integer.toString(tileMatrix))
			.replace("{tileRow}", Integer.toString(tileRow))
			.replace("{tileCol}", Integer.toString(tileCol));
	}

	@Test
	void theLandingPageAndConformanceAnnounceTheTiles() {
		Http viewer = as("viewer");
		String tilingSchemes = link(viewer.get("/ogc").json().get("links"),
				"http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes", "application/json");
		JsonNode sets = viewer.get(path(tilingSchemes)).json().get("tileMatrixSets");
		assertThat(sets).hasSize(1);
		JsonNode quad = viewer.get(path(link(sets.get(0).get("links"), "self", null))).json();
		assertThat(quad.get("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
		assertThat(quad.get("tileMatrices")).hasSize(25);
		assertThat(quad.get("tileMatrices").get(ZOOM).get("matrixWidth").asLong()).isEqualTo(1L << ZOOM);
		assertThat(viewer.get("/ogc/conformance").body()).contains(TILES_CORE,
				"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");
	}

	@Test
	void everyCollectionsTileIsTheSameTileAsUnderTilesRowBeforeColumn() {
		Http viewer = as("viewer");
		for (CollectionDef def : this.registry.all()) {
			HttpResponse<byte[]> ogc = viewer.bytes(path(fill(tileTemplate(viewer, def.id()), ZOOM, ROW, COL)));
			HttpResponse<byte[]> tiles = viewer
				.bytes("/tiles/" + def.id() + "/" + ZOOM + "/" + COL + "/" + ROW + ".mvt");
			assertThat(ogc.statusCode()).as(def.id()).isEqualTo(tiles.statusCode());
			assertThat(ogc.body()).as(def.id()).isEqualTo(tiles.body());
			assertThat(ogc.headers().firstValue("ETag")).isEqualTo(tiles.headers().firstValue("ETag"));
		}
		HttpResponse<byte[]> parcels = viewer.bytes(path(fill(tileTemplate(viewer, "parcels"), ZOOM, ROW, COL)));
		assertThat(MvtDecoder.decode(parcels.body()).get("parcels").features()).isNotEmpty();
	}

	/** The web map adds v=n to the template's tiles to fetch them again after an edit. */
	@Test
	void theMapsRefreshCounterGetsTheSameTile() {
		Http viewer = as("viewer");
		String tile = path(fill(tileTemplate(viewer, "parcels"), ZOOM, ROW, COL));
		HttpResponse<byte[]> refreshed = viewer.bytes(tile + "?v=2");
		assertThat(refreshed.statusCode()).isEqualTo(200);
		assertThat(refreshed.body()).isEqualTo(viewer.bytes(tile).body());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/ogc/tileMatrixSets?f=json&foo=1", "/ogc/tileMatrixSets/WebMercatorQuad?f=json&foo=1",
			"/ogc/collections/parcels/tiles?f=json&foo=1",
			"/ogc/collections/parcels/tiles/WebMercatorQuad?f=json&foo=1",
			"/ogc/collections/parcels/tiles/WebMercatorQuad/15/12732/27493?foo=1" })
	void anUnknownParameterIsABadRequestNamingIt(String path) {
		assertBadParameter(as("viewer").get(path), "foo");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/ogc/tileMatrixSets", "/ogc/tileMatrixSets/WebMercatorQuad",
			"/ogc/collections/parcels/tiles", "/ogc/collections/parcels/tiles/WebMercatorQuad" })
	void theTileMetadataIsJsonOnly(String path) {
		Http viewer = as("viewer");
		assertThat(viewer.get(path + "?f=json").status()).isEqualTo(200);
		assertBadParameter(viewer.get(path + "?f=html"), "f");
	}

	@Test
	void anUnknownTileMatrixSetIsNotFound() {
		Http.Response response = as("viewer").get("/ogc/collections/parcels/tiles/WorldCRS84Quad");
		assertProblem(response, 404);
	}

	/**
	 * GDAL's MVT driver reads the tile at the URL the tileset names, placed on the grid
	 * by its column (X) and row (Y): the features it finds are the tile's and lie in it.
	 */
	@Test
	void gdalsMvtDriverReadsTheTileFromTheTilesetTemplate() {
		assumeTrue(GdalCommand.installed(), "gdal-bin is not installed");
		Http viewer = as("viewer");
		String url = fill(tileTemplate(viewer, "parcels"), ZOOM, ROW, COL);
		// A /vsicurl name ending in a number is a zoom level of a tileset folder to the
		// MVT
		// driver; an option after the URL has it read the one tile.
		String info = GdalCommand.run("ogrinfo", "-ro", "-al", "-so", "-oo", "Z=" + ZOOM, "-oo", "X=" + COL, "-oo",
				"Y=" + ROW, "/vsicurl?url=" + url + "&use_head=no");
		int decoded = MvtDecoder.decode(viewer.bytes(path(url)).body()).get("parcels").features().size();
		assertThat(info).contains("using driver `MVT'", "Layer name: parcels", "Feature Count: " + decoded);
		// The tile's bounds in EPSG:3857 metres; GDAL's extent of clipped features stays
		// within them (plus the tile buffer).
		double size = 2 * 20037508.3427892 / (1 << ZOOM);
		double minX = -20037508.3427892 + COL * size;
		double maxY = 20037508.3427892 - ROW * size;
		String extentLine = info.lines().filter((line) -> line.startsWith("Extent: ")).findFirst().orElseThrow();
		List<Double> extent = new ArrayList<>();
		Matcher number = Pattern.compile("-?\\d+(\\.\\d+)?").matcher(extentLine);
		while (number.find()) {
			extent.add(Double.parseDouble(number.group()));
		}
		double buffer = size / 8;
		assertThat(extent.get(0)).isBetween(minX - buffer, minX + size);
		assertThat(extent.get(2)).isBetween(minX, minX + size + buffer);
		assertThat(extent.get(1)).isBetween(maxY - size - buffer, maxY);
		assertThat(extent.get(3)).isBetween(maxY - size, maxY + buffer);
	}

}
