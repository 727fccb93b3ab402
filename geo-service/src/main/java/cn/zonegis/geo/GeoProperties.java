package cn.zonegis.geo;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the zone is and how it is measured.
 *
 * @param measureSrid CGCS2000 Gauss-Kruger CRS for official plane areas and lengths
 * @param extent zone extent in EPSG:4490 lon/lat: minLon, minLat, maxLon, maxLat
 * @param center initial map centre, lon/lat
 * @param zoom initial map zoom
 * @param timeZone the zone's own time zone, in which a bare date is read (see
 * {@link ZoneTime})
 */
@ConfigurationProperties("zonegis.geo")
public record GeoProperties(int measureSrid, List<Double> extent, List<Double> center, int zoom, ZoneId timeZone) {

	public GeoProperties {
		if (extent == null || extent.size() != 4) {
			throw new IllegalArgumentException("zonegis.geo.extent needs minLon,minLat,maxLon,maxLat");
		}
		if (timeZone == null) {
			timeZone = ZoneTime.DEFAULT_ZONE;
		}
	}

	public BBox extentBox() {
		return new BBox(this.extent.get(0), this.extent.get(1), this.extent.get(2), this.extent.get(3));
	}

}
