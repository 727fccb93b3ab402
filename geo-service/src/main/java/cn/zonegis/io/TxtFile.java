package cn.zonegis.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A land ministry coordinate file (部标格式): the {@code [属性描述]} attributes and the parcels
 * of {@code [地块坐标]}, as written, before any CRS is applied.
 */
public record TxtFile(Map<String, String> attributes, List<Parcel> parcels) {

	public static final String DATUM = "坐标系";

	public static final String ZONE_WIDTH = "几度分带";

	public static final String ZONE = "带号";

	public static final String PRECISION = "精度";

	/** 图形属性 of an area, the only shape a parcel has. */
	public static final String POLYGON = "面";

	public String attribute(String key) {
		String value = this.attributes.get(key);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/**
	 * The same file with northing and easting exchanged in every point, to test a
	 * swapped-axes file.
	 */
	public TxtFile swapped() {
		List<Parcel> swapped = this.parcels.stream()
			.map((p) -> new Parcel(p.pointCount(), p.areaHa(), p.code(), p.name(), p.shapeKind(), p.sheet(),
					p.landUse(), p.landClassCode(), p.extraFields(),
					p.rings()
						.stream()
						.map((r) -> new Ring(r.number(),
								r.points()
									.stream()
									.map((pt) -> new Point(pt.name(), pt.easting(), pt.northing()))
									.toList()))
						.toList(),
					p.line()))
			.toList();
		return new TxtFile(this.attributes, swapped);
	}

	/**
	 * The smallest coordinate step the surveyor wrote: 精度 as 0.001 or as a number of
	 * decimals (3). A millimetre when the header does not say.
	 */
	public double precisionM() {
		String text = attribute(PRECISION);
		if (text == null) {
			return 0.001;
		}
		try {
			BigDecimal value = new BigDecimal(text);
			if (value.signum() > 0 && value.compareTo(BigDecimal.ONE) < 0) {
				return value.doubleValue();
			}
			if (value.scale() <= 0 && value.intValue() >= 0 && value.intValue() <= 6) {
				return Math.pow(10, -value.intValue());
			}
		}
		catch (NumberFormatException ex) {
			// An unreadable 精度 means the millimetre every published file uses.
		}
		return 0.001;
	}

	/**
	 * One parcel: the first eight header fields by position, the provinces' extra fields
	 * kept as they were, and its rings.
	 *
	 * @param pointCount 界址点数 as written (closing points included), or null
	 * @param areaHa 地块面积 in 公顷 as written, its scale telling how precisely, or null
	 * @param sheet 图幅号, or null
	 * @param extraFields the fields after the eighth, as written (empty ones included)
	 */
	public record Parcel(Integer pointCount, BigDecimal areaHa, String code, String name, String shapeKind,
			String sheet, String landUse, String landClassCode, List<String> extraFields, List<Ring> rings, int line) {

		/**
		 * What the register keeps of 图幅号 and the extra fields, which have no column of
		 * their own: the parcel's note, {@code 图幅号=…；附加字段=…} with the extra fields
		 * comma-separated as the file wrote them. Null when the file gives neither, so an
		 * update keeps the stored note.
		 */
		public String note() {
			List<String> parts = new ArrayList<>();
			if (this.sheet != null) {
				parts.add("图幅号=" + this.sheet);
			}
			if (this.extraFields.stream().anyMatch((f) -> !f.isBlank())) {
				parts.add("附加字段=" + String.join(",", this.extraFields));
			}
			return parts.isEmpty() ? null : String.join("；", parts);
		}

	}

	/**
	 * The points of one ring number in file order; a ring is closed when its last point
	 * repeats the first.
	 */
	public record Ring(int number, List<Point> points) {

		public boolean isClosed() {
			Point first = this.points.get(0);
			Point last = this.points.get(this.points.size() - 1);
			return this.points.size() > 1 && first.northing() == last.northing() && first.easting() == last.easting();
		}

	}

	/** A surveyed point: northing first, easting second, as the file orders them. */
	public record Point(String name, double northing, double easting) {
	}

}
