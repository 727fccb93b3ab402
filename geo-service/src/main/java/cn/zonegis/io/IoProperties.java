package cn.zonegis.io;

import java.time.Duration;

import cn.zonegis.ApiProblem;

import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on untrusted files.
 *
 * @param gdalTimeout how long one ogr2ogr or ogrinfo run may take before it is killed
 * @param gdalMemory the address space one ogr2ogr or ogrinfo run may take (its libraries
 * alone take about 200 MB), so a hostile file cannot starve the service's machine
 * @param maxUnzippedBytes the most a zip (Shapefile, KMZ) may expand to
 * @param maxZipEntries the most entries a zip may hold
 * @param maxFeatures the most features one import may hold
 * @param legacyDatumConfigured spatial_ref_sys holds CRSs on 1980西安 / 1954北京 with their
 * transformation to CGCS2000 (+towgs84 from the local survey office), so such files may
 * be imported in one of them
 */
@ConfigurationProperties("zonegis.io")
public record IoProperties(@DefaultValue("120s") Duration gdalTimeout, @DefaultValue("2GB") DataSize gdalMemory,
		@DefaultValue("536870912") long maxUnzippedBytes, @DefaultValue("200") int maxZipEntries,
		@DefaultValue("20000") int maxFeatures, @DefaultValue("false") boolean legacyDatumConfigured) {

	/**
	 * Refuses a file holding more features than one import may (413, naming the limit).
	 */
	void requireFeatureCount(int count) {
		if (count > this.maxFeatures) {
			throw ApiProblem.contentTooLarge("too-many-features", "io.import.too-many", count, this.maxFeatures)
				.with("features", count)
				.with("limit", this.maxFeatures);
		}
	}

}
