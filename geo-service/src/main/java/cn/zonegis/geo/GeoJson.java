package cn.zonegis.geo;

import org.springframework.http.MediaType;

/** GeoJSON (RFC 7946) as ZoneGIS serves it. */
public final class GeoJson {

	/** The media type of every GeoJSON response and request body. */
	public static final String MEDIA_TYPE_VALUE = "application/geo+json";

	public static final MediaType MEDIA_TYPE = MediaType.parseMediaType(MEDIA_TYPE_VALUE);

	private GeoJson() {
	}

}
