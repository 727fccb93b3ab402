package cn.zonegis.ogc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OGC API - Features settings.
 *
 * @param defaultLimit items per page when the client names no limit
 * @param maxLimit the most items one page may hold; a larger limit is clamped to it, as
 * Part 1 allows
 * @param extentCacheSeconds how long a collection's computed extent is reused
 * @param requireIfMatch whether a Part 4 replace, update or delete without If-Match is
 * refused with 428; by default it is accepted, as the standard allows and QGIS needs, and
 * its audit entry says so
 */
@ConfigurationProperties("zonegis.ogc")
public record OgcProperties(@DefaultValue("100") int defaultLimit, @DefaultValue("10000") int maxLimit,
		@DefaultValue("300") int extentCacheSeconds, @DefaultValue("false") boolean requireIfMatch) {
}
