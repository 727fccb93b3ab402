package cn.zonegis.tiles;

/**
 * The web-mercator tile (z, x, y) holding a point, worked out here so the tile tests do
 * not trust the service's own tile arithmetic.
 */
public final class TileHolding {

	private TileHolding() {
	}

	public static int[] point(double lon, double lat, int z) {
		double n = 1 << z;
		int x = (int) Math.floor((lon + 180) / 360 * n);
		double latRad = Math.toRadians(lat);
		int y = (int) Math.floor((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * n);
		return new int[] { z, x, y };
	}

}
