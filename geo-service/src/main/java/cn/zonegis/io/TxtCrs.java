package cn.zonegis.io;

import java.util.TreeSet;

import cn.zonegis.ApiProblem;

/**
 * Decides the CRS of a coordinate TXT from its header (坐标系, 几度分带, 带号), the zone prefix on
 * its eastings, or the CRS the user gave; refuses what it cannot honestly transform.
 */
final class TxtCrs {

	private TxtCrs() {
	}

	/**
	 * @param file the file as read
	 * @param userSrid the EPSG code the user chose, or null to take the file's
	 * @param legacyDatumConfigured whether PostGIS holds transformations from 1980西安 and
	 * 1954北京
	 * @return the EPSG code the coordinates are in
	 */
	static int resolve(TxtFile file, Integer userSrid, boolean legacyDatumConfigured) {
		checkDatum(file.attribute(TxtFile.DATUM), userSrid, legacyDatumConfigured);
		int prefixZone = prefixZone(file);
		if (userSrid != null) {
			GaussKruger.ofSrid(userSrid).filter((gk) -> gk.prefixed() != (prefixZone > 0)).ifPresent((gk) -> {
				throw ApiProblem.unprocessable("txt-crs", "io.txt.crs.prefix-mismatch", userSrid, prefixZone)
					.with("srid", userSrid);
			});
			return userSrid;
		}
		Integer headerZone = integer(file, TxtFile.ZONE);
		Integer width = integer(file, TxtFile.ZONE_WIDTH);
		if (prefixZone > 0 && headerZone != null && headerZone != prefixZone) {
			throw ApiProblem.unprocessable("txt-crs", "io.txt.crs.zone-mismatch", prefixZone, headerZone);
		}
		Integer zone = (prefixZone > 0) ? Integer.valueOf(prefixZone) : headerZone;
		if (zone == null) {
			throw ApiProblem.unprocessable("txt-crs", "io.txt.crs.no-zone");
		}
		int zoneWidth = (width != null) ? width : (GaussKruger.isKnownZone(3, zone) ? 3 : 6);
		if (!GaussKruger.isKnownZone(zoneWidth, zone)) {
			throw ApiProblem.unprocessable("txt-crs", "io.txt.crs.unknown-zone", zone, zoneWidth);
		}
		return new GaussKruger(zoneWidth, zone, prefixZone > 0).srid();
	}

	/**
	 * 1980西安 and 1954北京 coordinates are metres away from CGCS2000 and PROJ has no public
	 * transformation between them: they come in only where one is configured, and then in
	 * a CRS the user names on that datum.
	 */
	private static void checkDatum(String datum, Integer userSrid, boolean legacyDatumConfigured) {
		if (datum == null || datum.contains("2000") || datum.toUpperCase().contains("CGCS")) {
			return;
		}
		if (!legacyDatumConfigured) {
			throw ApiProblem.unprocessable("txt-datum", "io.txt.crs.legacy-datum", datum).with("datum", datum);
		}
		if (userSrid == null || GaussKruger.ofSrid(userSrid).isPresent()) {
			throw ApiProblem.unprocessable("txt-datum", "io.txt.crs.legacy-datum-srid", datum)
				.with("datum", datum)
				.with("parameter", "srid");
		}
	}

	/**
	 * The zone written in front of the eastings, 0 when none is; files mixing the two are
	 * refused.
	 */
	private static int prefixZone(TxtFile file) {
		TreeSet<Integer> zones = new TreeSet<>();
		file.parcels()
			.forEach((parcel) -> parcel.rings()
				.forEach((ring) -> ring.points().forEach((p) -> zones.add(GaussKruger.zonePrefixOf(p.easting())))));
		if (zones.size() > 1) {
			throw ApiProblem.unprocessable("txt-crs", "io.txt.crs.mixed-prefix", zones.toString());
		}
		return zones.first();
	}

	private static Integer integer(TxtFile file, String key) {
		String text = file.attribute(key);
		if (text == null) {
			return null;
		}
		try {
			return Integer.valueOf(text.replaceAll("[^0-9]", ""));
		}
		catch (NumberFormatException ex) {
			throw ApiProblem.unprocessable("txt-crs", "io.txt.crs.attribute", key, text);
		}
	}

}
