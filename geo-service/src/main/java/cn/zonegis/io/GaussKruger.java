package cn.zonegis.io;

import java.util.Optional;

/**
 * A CGCS2000 Gauss-Kruger CRS by zone: 3° zones 25–45 (CM = 3 × zone) or 6° zones 13–23
 * (CM = 6 × zone − 3), with the zone number written in front of the easting or not. The
 * EPSG codes are consecutive per family, as published by EPSG and shipped with PROJ.
 *
 * @param zoneWidth 3 or 6 degrees
 * @param zone the zone number (带号)
 * @param prefixed whether eastings carry the zone number in front (41415650.123 in zone
 * 41)
 */
public record GaussKruger(int zoneWidth, int zone, boolean prefixed) {

	/** Any easting above this carries the zone number in front. */
	public static final double PREFIX_THRESHOLD = 1.0e7;

	private static final double ZONE_OFFSET = 1.0e6;

	public GaussKruger {
		if (!isKnownZone(zoneWidth, zone)) {
			throw new IllegalArgumentException("no CGCS2000 Gauss-Kruger zone " + zone + " of " + zoneWidth + "°");
		}
	}

	public static boolean isKnownZone(int zoneWidth, int zone) {
		return (zoneWidth == 3 && zone >= 25 && zone <= 45) || (zoneWidth == 6 && zone >= 13 && zone <= 23);
	}

	/** The EPSG code of this CRS. */
	public int srid() {
		if (this.zoneWidth == 3) {
			return (this.prefixed ? 4513 : 4534) + this.zone - 25;
		}
		return (this.prefixed ? 4491 : 4502) + this.zone - 13;
	}

	/** The CRS of an EPSG code, when it is one of the CGCS2000 Gauss-Kruger codes. */
	public static Optional<GaussKruger> ofSrid(int srid) {
		if (srid >= 4491 && srid <= 4512) {
			boolean prefixed = srid <= 4501;
			return Optional.of(new GaussKruger(6, srid - (prefixed ? 4491 : 4502) + 13, prefixed));
		}
		if (srid >= 4513 && srid <= 4554) {
			boolean prefixed = srid <= 4533;
			return Optional.of(new GaussKruger(3, srid - (prefixed ? 4513 : 4534) + 25, prefixed));
		}
		return Optional.empty();
	}

	public double centralMeridian() {
		return (this.zoneWidth == 3) ? 3.0 * this.zone : 6.0 * this.zone - 3;
	}

	/** The same zone with or without the prefix. */
	public GaussKruger withPrefix(boolean prefix) {
		return new GaussKruger(this.zoneWidth, this.zone, prefix);
	}

	/** The zone number written in front of an easting, or 0 when it has none. */
	public static int zonePrefixOf(double easting) {
		return (easting > PREFIX_THRESHOLD) ? (int) Math.floor(easting / ZONE_OFFSET) : 0;
	}

	public String label() {
		return "EPSG:" + srid() + " (CGCS2000 " + this.zoneWidth + "° GK zone " + this.zone
				+ (this.prefixed ? ", zone prefix" : ", CM " + (int) centralMeridian() + "°E") + ")";
	}

}
