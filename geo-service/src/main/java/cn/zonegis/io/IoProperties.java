package cn.zonegis.io;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on untrusted files.
 *
 * @param gdalTimeout how long one ogr2ogr or ogrinfo run may take before it is killed
 * @param maxUnzippedBytes the most a zip (Shapefile, KMZ) may expand to
 * @param maxZipEntries the most entries a zip may hold
 */
@ConfigurationProperties("zonegis.io")
public record IoProperties(@DefaultValue("120s") Duration gdalTimeout,
		@DefaultValue("536870912") long maxUnzippedBytes, @DefaultValue("200") int maxZipEntries) {
}
