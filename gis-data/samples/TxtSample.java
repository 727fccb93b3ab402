import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zonegis.io.TxtFile;
import cn.zonegis.io.TxtGeometry;
import cn.zonegis.io.TxtWriter;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.WKTReader;

/**
 * Writes the TXT sample with the service's own TxtWriter from a CSV that ogr2ogr made (tab-separated,
 * WKT in EPSG:4529, zone 41 with prefixed eastings; columns WKT, code, name, land_use, land_class_code).
 * Run by make-samples.sh as a single-file program: java -cp classes:jts.jar TxtSample.java in.csv out.txt
 */
public class TxtSample {

	public static void main(String[] args) throws Exception {
		List<TxtFile.Parcel> parcels = new ArrayList<>();
		WKTReader wkt = new WKTReader();
		List<String> lines = Files.readAllLines(Path.of(args[0]));
		for (String line : lines.subList(1, lines.size())) {
			// GDAL quotes the WKT and any text that looks like a number (地类编码 0601).
			String[] f = line.replace("\"", "").split("\t", -1);
			MultiPolygon plane = (MultiPolygon) wkt.read(f[0]);
			BigDecimal areaHa = BigDecimal.valueOf(TxtGeometry.planeAreaM2(plane) / 10000).setScale(4, RoundingMode.HALF_UP);
			parcels.add(new TxtFile.Parcel(null, areaHa, f[1], f[2], "面", null, f[3], f[4], List.of(),
					TxtGeometry.toRings(plane), 0));
		}
		Map<String, String> header = new LinkedHashMap<>();
		header.put("格式版本号", "1.01");
		header.put("数据产生单位", "ZoneGIS 示例数据");
		header.put("数据产生日期", "2026-05-20");
		header.put("坐标系", "2000国家大地坐标系");
		header.put("几度分带", "3");
		header.put("投影类型", "高斯克吕格");
		header.put("计量单位", "米");
		header.put("带号", "41");
		header.put("精度", "0.001");
		header.put("转换参数", ",,,,,,");
		Files.write(Path.of(args[1]), TxtWriter.write(new TxtFile(header, parcels), Charset.forName("GBK")));
	}

}
