package cn.zonegis.tiles;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OGC's WebMercatorQuad tile matrix set (OGC 17-083r4, Annex D.1): the /tiles grid,
 * EPSG:3857 with 256-pixel tiles from the top-left corner, zooms 0 to 24, as a JSON tile
 * matrix set (TMS 2.0).
 */
final class WebMercatorQuad {

	static final String ID = "WebMercatorQuad";

	static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";

	static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";

	static final int MAX_ZOOM = 24;

	/** Half the side of the square world in EPSG:3857 metres (π × 6378137). */
	private static final double HALF_WORLD = 20037508.3427892;

	/** Metres per pixel at zoom 0 over 0.28 mm per pixel (OGC's standard pixel). */
	private static final double SCALE_DENOMINATOR_ZOOM_0 = 559082264.028717;

	private static final int TILE_SIZE = 256;

	private WebMercatorQuad() {
	}

	static ObjectNode definition(JsonMapper json) {
		ObjectNode tms = json.createObjectNode()
			.put("id", ID)
			.put("title", "Google Maps Compatible for the World")
			.put("uri", URI)
			.put("crs", CRS)
			.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible")
			.put("identifier", ID)
			.put("supportedCRS", CRS);
		tms.putArray("orderedAxes").add("X").add("Y");
		ObjectNode box = tms.putObject("boundingBox").put("crs", CRS);
		box.putArray("lowerLeft").add(-HALF_WORLD).add(-HALF_WORLD);
		box.putArray("upperRight").add(HALF_WORLD).add(HALF_WORLD);
		box.putArray("lowerCorner").add(-HALF_WORLD).add(-HALF_WORLD);
		box.putArray("upperCorner").add(HALF_WORLD).add(HALF_WORLD);
		ArrayNode matrices = tms.putArray("tileMatrices");
		for (int zoom = 0; zoom <= MAX_ZOOM; zoom++) {
			long side = 1L << zoom;
			ObjectNode matrix = matrices.addObject()
				.put("id", Integer.toString(zoom))
				.put("identifier", Integer.toString(zoom))
				.put("scaleDenominator", SCALE_DENOMINATOR_ZOOM_0 / side)
				.put("cellSize", 2 * HALF_WORLD / TILE_SIZE / side)
				.put("cornerOfOrigin", "topLeft")
				.put("tileWidth", TILE_SIZE)
				.put("tileHeight", TILE_SIZE)
				.put("matrixWidth", side)
				.put("matrixHeight", side);
			matrix.putArray("pointOfOrigin").add(-HALF_WORLD).add(HALF_WORLD);
			matrix.putArray("topLeftCorner").add(-HALF_WORLD).add(HALF_WORLD);
		}
		return tms;
	}

	/** The column of the tile holding a longitude at a zoom. */
	static long column(double lon, int zoom) {
		return clamp((long) Math.floor((lon + 180) / 360 * (1L << zoom)), zoom);
	}

	/**
	 * The row of the tile holding a latitude at a zoom (rows count down from the top).
	 */
	static long row(double lat, int zoom) {
		double radians = Math.toRadians(lat);
		double y = (1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2;
		return clamp((long) Math.floor(y * (1L << zoom)), zoom);
	}

	private static long clamp(long index, int zoom) {
		return Math.max(0, Math.min((1L << zoom) - 1, index));
	}

}
