package cn.zonegis.geo;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web map needs before login: where the zone is, its measuring CRS, base maps.
 */
@RestController
class MapConfigController {

	private static final String MEASURE_CRS = """
			SELECT srtext, proj4text FROM spatial_ref_sys WHERE srid = :srid
			""";

	private final GeoProperties geo;

	private final MapProperties map;

	private final MeasureCrs measureCrs;

	MapConfigController(GeoProperties geo, MapProperties map, JdbcClient jdbc) {
		this.geo = geo;
		this.map = map;
		this.measureCrs = jdbc.sql(MEASURE_CRS)
			.param("srid", geo.measureSrid())
			.query((rs, i) -> new MeasureCrs(crsName(rs.getString("srtext")), rs.getString("proj4text").trim()))
			.single();
	}

	@GetMapping("/api/config")
	MapConfig config() {
		String key = (this.map.tiandituKey() == null || this.map.tiandituKey().isBlank()) ? null
				: this.map.tiandituKey();
		return new MapConfig(this.geo.measureSrid(), this.measureCrs.name(), this.measureCrs.proj4(), this.geo.center(),
				this.geo.zoom(), this.geo.extent(), key, this.map.defaultBaseMap(), this.geo.timeZone().getId());
	}

	private static String crsName(String wkt) {
		int start = wkt.indexOf('"');
		return wkt.substring(start + 1, wkt.indexOf('"', start + 1));
	}

	private record MeasureCrs(String name, String proj4) {
	}

	/**
	 * @param timeZone the zone's clock: bare dates are read on it and the map shows
	 * instants on it
	 */
	record MapConfig(int measureSrid, String measureCrsName, String measureProj4, List<Double> center, int zoom,
			List<Double> extent, String tiandituKey, String defaultBaseMap, String timeZone) {
	}

	/**
	 * @param tiandituKey 天地图 key; without one the map offers OpenStreetMap and no base
	 * map
	 * @param defaultBaseMap osm, tianditu or none
	 */
	@ConfigurationProperties("zonegis.map")
	record MapProperties(String tiandituKey, String defaultBaseMap) {
	}

}
