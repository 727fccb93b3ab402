package cn.zonegis.ogc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zonegis.GdalCommand;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * GDAL's OGC API - Features driver (Debian's gdal-bin) as a real client of /ogc: what
 * QGIS and ogr2ogr users will see. Skipped where GDAL is not installed.
 */
class GdalClientTests extends IntegrationTest {

	/** A small page, so every layer of the demo zone takes several requests. */
	private static final String PAGE_SIZE = "PAGE_SIZE=50";

	@Autowired
	private CollectionRegistry registry;

	@BeforeAll
	static void gdalIsInstalled() {
		assumeTrue(GdalCommand.installed(), "gdal-bin is not installed");
	}

	private String endpoint() {
		return "OAPIF:http://127.0.0.1:" + this.port + "/ogc";
	}

	private long rows(CollectionDef def, String where) {
		return this.jdbc.sql("SELECT count(*) FROM zonegis." + def.table() + " t " + where).query(Long.class).single();
	}

	private static long features(String ogrinfo, String layer) {
		return ogrinfo.lines().filter((line) -> line.startsWith("OGRFeature(" + layer + "):")).count();
	}

	@Test
	void ogrinfoListsEveryCollection() {
		String listing = GdalCommand.run("ogrinfo", "-ro", "-so", "-q", endpoint());
		for (CollectionDef def : this.registry.all()) {
			assertThat(listing).containsPattern("\\d+: " + def.id() + " \\(");
		}
	}

	@Test
	void ogrinfoPagesThroughEveryLayerAndReadsEveryRow() {
		for (CollectionDef def : this.registry.all()) {
			String all = GdalCommand.run("ogrinfo", "-ro", "-al", "-q", "-oo", PAGE_SIZE, endpoint(), def.id());
			assertThat(features(all, def.id())).as(def.id()).isEqualTo(rows(def, ""));
		}
	}

	@Test
	void aCql2FilterInTheDatasetUrlIsAppliedByTheServer() {
		CollectionDef parcels = this.registry.get("parcels");
		String cql = "status IN ('filed', 'transferred') AND S_INTERSECTS(geometry, BBOX(121.9, 37.0, 122.2, 37.4))";
		String url = endpoint() + "/collections/parcels?filter-lang=cql2-text&filter="
				+ URLEncoder.encode(cql, StandardCharsets.UTF_8);
		String filtered = GdalCommand.run("ogrinfo", "-ro", "-al", "-q", "-oo", PAGE_SIZE, url);
		long expected = rows(parcels, """
				WHERE t.status IN ('filed', 'transferred')
				AND ST_Intersects(t.geom, ST_MakeEnvelope(121.9, 37.0, 122.2, 37.4, 4490))""");
		assertThat(expected).isPositive().isLessThan(rows(parcels, ""));
		assertThat(features(filtered, "parcels")).isEqualTo(expected);
	}

	@Test
	void ogr2ogrCopiesALayerToGeoPackageWithTheSameCountAndGeometries(@TempDir Path folder) {
		Path gpkg = folder.resolve("parcels.gpkg");
		GdalCommand.run("ogr2ogr", "-f", "GPKG", "-preserve_fid", "-oo", PAGE_SIZE, gpkg.toString(), endpoint(),
				"parcels");
		String copied = GdalCommand.run("ogrinfo", "-ro", "-al", "-q", gpkg.toString());
		Map<Long, String> geometries = geometriesByFid(copied, "parcels");
		assertThat((long) geometries.size()).isEqualTo(rows(this.registry.get("parcels"), ""));
		List<Long> different = new ArrayList<>();
		geometries.forEach((id, wkt) -> {
			double distance = this.jdbc.sql("""
					SELECT ST_HausdorffDistance(geom, ST_GeomFromText(:wkt, 4490)) FROM zonegis.parcel WHERE id = :id
					""").param("wkt", wkt).param("id", id).query(Double.class).single();
			// GeoJSON carries 7 decimals: about a centimetre.
			if (distance > 1e-6) {
				different.add(id);
			}
		});
		assertThat(different).isEmpty();
	}

	/**
	 * ogrinfo prints each feature as "OGRFeature(layer):fid" followed by its attributes
	 * and WKT.
	 */
	private static Map<Long, String> geometriesByFid(String ogrinfo, String layer) {
		Map<Long, String> geometries = new LinkedHashMap<>();
		Long fid = null;
		for (String line : ogrinfo.lines().toList()) {
			if (line.startsWith("OGRFeature(" + layer + "):")) {
				fid = Long.valueOf(line.substring(line.indexOf(':') + 1).strip());
			}
			else if (fid != null && line.strip().startsWith("MULTIPOLYGON")) {
				geometries.put(fid, line.strip());
				fid = null;
			}
		}
		return geometries;
	}

}
