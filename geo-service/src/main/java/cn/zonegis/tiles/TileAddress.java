package cn.zonegis.tiles;

import cn.zonegis.ApiProblem;

/**
 * A tile of the Web Mercator XYZ grid (the one Leaflet and ST_TileEnvelope use): column x
 * from the west, row y from the north, each in 0 … 2^z − 1.
 */
record TileAddress(int z, int x, int y) {

	/** The deepest zoom served; a street-level tile at 22 is about 10 m across. */
	static final int MAX_ZOOM = 22;

	/** The address, or a 400 "invalid tile address" when it is off the grid. */
	static TileAddress of(int z, int x, int y) {
		if (z < 0 || z > MAX_ZOOM || x < 0 || y < 0 || x >= (1L << z) || y >= (1L << z)) {
			throw ApiProblem.badRequest("invalid-tile", "problem.tile.address", z, x, y)
				.with("z", z)
				.with("x", x)
				.with("y", y);
		}
		return new TileAddress(z, x, y);
	}

	/**
	 * Whether a box (minLon, minLat, maxLon, maxLat) touches this tile or the margin its
	 * query reads beyond the edge ({@code margin} of a tile's width on each side).
	 */
	boolean touches(double[] box, double margin) {
		double tiles = 1L << this.z;
		double west = lon((this.x - margin) / tiles);
		double east = lon((this.x + 1 + margin) / tiles);
		double north = lat((this.y - margin) / tiles);
		double south = lat((this.y + 1 + margin) / tiles);
		return box[0] <= east && box[2] >= west && box[1] <= north && box[3] >= south;
	}

	private static double lon(double fraction) {
		return fraction * 360 - 180;
	}

	private static double lat(double fraction) {
		return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * fraction))));
	}

	/** The tile's width in metres of Web Mercator. */
	double spanMetres() {
		return 2 * Math.PI * 6378137 / (1L << this.z);
	}

}
