package cn.zonegis.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zonegis.geo.Area;
import cn.zonegis.land.ParcelRecord;
import org.locationtech.jts.geom.MultiPolygon;

import org.springframework.stereotype.Component;

/**
 * Writes stored parcels as the published coordinate TXT in a Gauss-Kruger CRS: PROJ
 * transforms each boundary, Java writes the file with the area measured in that plane.
 */
@Component
class TxtExport {

	private final CrsRepository crs;

	TxtExport(CrsRepository crs) {
		this.crs = crs;
	}

	byte[] write(List<ParcelRecord> records, GaussKruger target, Charset charset) {
		List<TxtFile.Parcel> parcels = new ArrayList<>();
		for (ParcelRecord record : records) {
			MultiPolygon plane = this.crs.transform(record.geometry(), target.srid());
			BigDecimal areaHa = BigDecimal.valueOf(Area.toHa(TxtGeometry.planeAreaM2(plane)))
				.setScale(4, RoundingMode.HALF_UP);
			List<TxtFile.Ring> rings = TxtGeometry.toRings(plane);
			parcels.add(new TxtFile.Parcel(null, areaHa, record.code(), record.name(), TxtFile.POLYGON, null,
					record.landUse(), record.landClassCode(), List.of(), rings, 0));
		}
		return TxtWriter.write(new TxtFile(header(target), parcels), charset);
	}

	private static Map<String, String> header(GaussKruger target) {
		Map<String, String> header = new LinkedHashMap<>();
		header.put("格式版本号", "1.01");
		header.put("数据产生单位", "ZoneGIS");
		header.put("数据产生日期", LocalDate.now().toString());
		header.put(TxtFile.DATUM, "2000国家大地坐标系");
		header.put(TxtFile.ZONE_WIDTH, Integer.toString(target.zoneWidth()));
		header.put("投影类型", "高斯克吕格");
		header.put("计量单位", "米");
		header.put(TxtFile.ZONE, Integer.toString(target.zone()));
		header.put(TxtFile.PRECISION, "0.001");
		header.put("转换参数", ",,,,,,");
		return header;
	}

}
