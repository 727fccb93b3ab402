package cn.zonegis.geo;

/** Land area units used by the planning bureau. */
public final class Area {

	/** 1 亩 = 10000/15 m². */
	public static final double M2_PER_MU = 10000.0 / 15.0;

	/** 1 公顷 = 10000 m². */
	public static final double M2_PER_HA = 10000.0;

	private Area() {
	}

	public static double toMu(double areaM2) {
		return areaM2 / M2_PER_MU;
	}

	public static double toHa(double areaM2) {
		return areaM2 / M2_PER_HA;
	}

}
