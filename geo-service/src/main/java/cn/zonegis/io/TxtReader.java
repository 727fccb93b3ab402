package cn.zonegis.io;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zonegis.ApiProblem;

/**
 * Reads the land ministry coordinate TXT (部标格式): {@code [属性描述]} key=value lines and the
 * parcels of {@code [地块坐标]}. Every point line is read as 点号,圈号,northing,easting: Chinese
 * surveying calls the northing X, and files keep that order whatever their labels say.
 */
public final class TxtReader {

	private static final String ATTRIBUTES = "属性描述";

	private static final String PARCELS = "地块坐标";

	/**
	 * The optional section some tools write first, about the software; nothing a parcel
	 * keeps.
	 */
	private static final String EXTENSION = "扩展信息";

	private static final int HEADER_FIELDS = 8;

	private TxtReader() {
	}

	/**
	 * @param bytes the file
	 * @param charset the encoding the user named, or null to detect UTF-8 (BOM or not) or
	 * GBK
	 */
	public static TxtFile read(byte[] bytes, Charset charset) {
		String[] lines = TextDecoding.decode(bytes, charset).split("\r\n|\n|\r", -1);
		Map<String, String> attributes = new LinkedHashMap<>();
		List<TxtFile.Parcel> parcels = new ArrayList<>();
		String section = null;
		ParcelBuilder current = null;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			int lineNo = i + 1;
			if (line.isEmpty()) {
				continue;
			}
			if (line.startsWith("[") && line.endsWith("]")) {
				section = line.substring(1, line.length() - 1).strip();
				if (!List.of(ATTRIBUTES, PARCELS, EXTENSION).contains(section)) {
					// A parcel under a misspelt section would otherwise vanish from the
					// import.
					throw unreadable("io.txt.unknown-section", lineNo, line);
				}
				continue;
			}
			if (section == null) {
				throw unreadable("io.txt.outside-section", lineNo, line);
			}
			if (ATTRIBUTES.equals(section)) {
				int eq = line.indexOf('=');
				if (eq <= 0) {
					throw unreadable("io.txt.attribute", lineNo, line);
				}
				attributes.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
			}
			else if (PARCELS.equals(section)) {
				if (line.endsWith("@")) {
					addTo(parcels, current);
					current = new ParcelBuilder(line, lineNo);
				}
				else if (current == null) {
					throw unreadable("io.txt.point-before-parcel", lineNo, line);
				}
				else {
					current.addPoint(line, lineNo);
				}
			}
		}
		addTo(parcels, current);
		if (parcels.isEmpty()) {
			throw ApiProblem.badRequest("txt-unreadable", "io.txt.no-parcels");
		}
		return new TxtFile(attributes, parcels);
	}

	private static void addTo(List<TxtFile.Parcel> parcels, ParcelBuilder builder) {
		if (builder != null) {
			parcels.add(builder.build());
		}
	}

	static ApiProblem unreadable(String key, int lineNo, String line) {
		return ApiProblem.badRequest("txt-unreadable", key, lineNo, line).with("line", lineNo);
	}

	/** Collects one parcel's header fields and its points, ring by ring in file order. */
	private static final class ParcelBuilder {

		private final String[] fields;

		private final int line;

		private final List<TxtFile.Ring> rings = new ArrayList<>();

		private List<TxtFile.Point> points;

		private int ringNumber = -1;

		ParcelBuilder(String headerLine, int line) {
			String body = headerLine.substring(0, headerLine.length() - 1).strip();
			// The published layout writes ",@": the comma closes the last field, it opens
			// no new one.
			body = body.endsWith(",") ? body.substring(0, body.length() - 1) : body;
			// As written: the text rules refuse blanks around a code or a name.
			this.fields = body.split(",", -1);
			this.line = line;
		}

		void addPoint(String text, int lineNo) {
			String[] parts = text.split(",", -1);
			// 点号,圈号,N,E and nothing more: a fifth column (a height, a code) would be
			// lost.
			if (parts.length != 4) {
				throw unreadable("io.txt.point", lineNo, text);
			}
			int ring;
			double northing;
			double easting;
			try {
				ring = Integer.parseInt(parts[1].strip());
				northing = Double.parseDouble(parts[2].strip());
				easting = Double.parseDouble(parts[3].strip());
			}
			catch (NumberFormatException ex) {
				throw unreadable("io.txt.point", lineNo, text);
			}
			if (!Double.isFinite(northing) || !Double.isFinite(easting) || ring < 1) {
				throw unreadable("io.txt.point", lineNo, text);
			}
			if (ring != this.ringNumber) {
				this.points = new ArrayList<>();
				this.rings.add(new TxtFile.Ring(ring, this.points));
				this.ringNumber = ring;
			}
			this.points.add(new TxtFile.Point(parts[0].strip(), northing, easting));
		}

		TxtFile.Parcel build() {
			if (this.rings.isEmpty()) {
				throw unreadable("io.txt.parcel-without-points", this.line, String.join(",", this.fields));
			}
			String shapeKind = field(4);
			// A red line is an area: a line (线) or point (点) read as one would be another
			// shape.
			if (shapeKind != null && !TxtFile.POLYGON.equals(shapeKind.strip())) {
				throw unreadable("io.txt.shape-kind", this.line, shapeKind);
			}
			List<String> extras = (this.fields.length > HEADER_FIELDS)
					? List.of(Arrays.copyOfRange(this.fields, HEADER_FIELDS, this.fields.length)) : List.of();
			return new TxtFile.Parcel(integer(field(0)), decimal(field(1)), field(2), field(3), shapeKind, field(5),
					field(6), field(7), extras, List.copyOf(this.rings), this.line);
		}

		private String field(int index) {
			return (index < this.fields.length && !this.fields[index].isBlank()) ? this.fields[index] : null;
		}

		private Integer integer(String text) {
			try {
				return (text == null) ? null : Integer.valueOf(text.strip());
			}
			catch (NumberFormatException ex) {
				throw unreadable("io.txt.parcel-header", this.line, String.join(",", this.fields));
			}
		}

		private BigDecimal decimal(String text) {
			try {
				return (text == null) ? null : new BigDecimal(text.strip());
			}
			catch (NumberFormatException ex) {
				throw unreadable("io.txt.parcel-header", this.line, String.join(",", this.fields));
			}
		}

	}

}
