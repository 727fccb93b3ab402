package cn.zonegis.geo;

import cn.zonegis.ApiProblem;

/** A lon/lat bounding box in EPSG:4490, as given in a `bbox` query parameter. */
public record BBox(double minLon, double minLat, double maxLon, double maxLat) {

	/**
	 * Parses "minLon,minLat,maxLon,maxLat"; anything else is a 400 naming the parameter.
	 * @param parameter the query parameter's name, for the message
	 * @param text the parameter's value, or null when absent
	 * @return the box, or null when the parameter is absent
	 */
	public static BBox parse(String parameter, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String[] parts = text.split(",");
		if (parts.length != 4) {
			throw invalid(parameter, text);
		}
		double[] values = new double[4];
		for (int i = 0; i < 4; i++) {
			try {
				values[i] = Double.parseDouble(parts[i].trim());
			}
			catch (NumberFormatException ex) {
				throw invalid(parameter, text);
			}
			if (!Double.isFinite(values[i])) {
				throw invalid(parameter, text);
			}
		}
		BBox box = new BBox(values[0], values[1], values[2], values[3]);
		if (box.minLon < -180 || box.maxLon > 180 || box.minLat < -90 || box.maxLat > 90 || box.minLon > box.maxLon
				|| box.minLat > box.maxLat) {
			throw ApiProblem.badRequest("invalid-bbox", "problem.bbox.range", parameter, text)
				.with("parameter", parameter);
		}
		return box;
	}

	private static ApiProblem invalid(String parameter, String text) {
		return ApiProblem.badRequest("invalid-bbox", "problem.bbox.format", parameter, text)
			.with("parameter", parameter);
	}

	public boolean contains(double lon, double lat) {
		return lon >= this.minLon && lon <= this.maxLon && lat >= this.minLat && lat <= this.maxLat;
	}

}
