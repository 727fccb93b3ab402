package cn.zonegis.io;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the published layout of the land ministry coordinate TXT: {@code [属性描述]} then
 * {@code [地块坐标]}, CRLF line ends, coordinates with three decimals, northing before
 * easting.
 */
public final class TxtWriter {

	private TxtWriter() {
	}

	public static byte[] write(TxtFile file, Charset charset) {
		StringBuilder out = new StringBuilder();
		out.append("[属性描述]\r\n");
		for (Map.Entry<String, String> attribute : file.attributes().entrySet()) {
			out.append(attribute.getKey()).append('=').append(attribute.getValue()).append("\r\n");
		}
		out.append("[地块坐标]\r\n");
		for (TxtFile.Parcel parcel : file.parcels()) {
			appendParcel(out, parcel);
		}
		return out.toString().getBytes(charset);
	}

	private static void appendParcel(StringBuilder out, TxtFile.Parcel parcel) {
		int points = parcel.rings().stream().mapToInt((ring) -> ring.points().size()).sum();
		List<String> fields = new ArrayList<>(List.of(String.valueOf(points), area(parcel.areaHa()),
				text(parcel.code()), text(parcel.name()), text(parcel.shapeKind()), text(parcel.sheet()),
				text(parcel.landUse()), text(parcel.landClassCode())));
		fields.addAll(parcel.extraFields());
		out.append(String.join(",", fields)).append(",@\r\n");
		for (TxtFile.Ring ring : parcel.rings()) {
			for (TxtFile.Point point : ring.points()) {
				out.append(point.name())
					.append(',')
					.append(ring.number())
					.append(',')
					.append(String.format(Locale.ROOT, "%.3f", point.northing()))
					.append(',')
					.append(String.format(Locale.ROOT, "%.3f", point.easting()))
					.append("\r\n");
			}
		}
	}

	private static String area(BigDecimal areaHa) {
		return (areaHa == null) ? "" : areaHa.toPlainString();
	}

	/**
	 * Commas would split a field, so a name holding one has it replaced by the full-width
	 * comma.
	 */
	private static String text(String value) {
		return (value == null) ? "" : value.replace(',', '，').replace("\r", " ").replace("\n", " ");
	}

}
