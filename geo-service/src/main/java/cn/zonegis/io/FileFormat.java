package cn.zonegis.io;

import java.util.Locale;
import java.util.Set;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.GeoJson;

/**
 * The file formats parcels go in and out as. TXT is read and written in Java; the others
 * go through GDAL, whose driver writes them.
 *
 * @param extension the file name's ending, also used to detect the format
 * @param driver the GDAL driver that writes it, or null when Java writes it
 * @param mediaType the Content-Type of an export
 * @param zipped whether an export is several files sent as one zip
 * @param drawingFields see {@link #drawingFields}
 */
public enum FileFormat {

	TXT("txt", null, "text/plain", false, Set.of()), SHP("zip", "ESRI Shapefile", "application/zip", true, Set.of()),
	KML("kml", "KML", "application/vnd.google-earth.kml+xml", false, Kml.DRAWING_FIELDS),
	KMZ("kmz", "LIBKML", "application/vnd.google-earth.kmz", false, Kml.DRAWING_FIELDS),
	GPKG("gpkg", "GPKG", "application/geopackage+sqlite3", false, Set.of()),
	DXF("dxf", "DXF", "image/vnd.dxf", false, Set.of("PaperSpace", "SubClasses", "Linetype", "EntityHandle", "Text")),
	GEOJSON("geojson", null, GeoJson.MEDIA_TYPE_VALUE, false, Set.of());

	private final String extension;

	private final String driver;

	private final String mediaType;

	private final boolean zipped;

	private final Set<String> drawingFields;

	FileFormat(String extension, String driver, String mediaType, boolean zipped, Set<String> drawingFields) {
		this.extension = extension;
		this.driver = driver;
		this.mediaType = mediaType;
		this.zipped = zipped;
		this.drawingFields = drawingFields;
	}

	/**
	 * The fields GDAL's reader gives every feature of this format to say how it is drawn
	 * (KML's tessellate, a DXF entity's handle): never a surveyor's data, so an import
	 * may pass them by.
	 */
	Set<String> drawingFields() {
		return this.drawingFields;
	}

	/**
	 * The format named by a {@code format} parameter: txt, shp, kml, kmz, gpkg, dxf or
	 * geojson.
	 */
	public static FileFormat parse(String name) {
		if (name != null) {
			for (FileFormat format : values()) {
				if (format.name().equalsIgnoreCase(name.strip())) {
					return format;
				}
			}
		}
		throw ApiProblem.badRequest("unknown-format", "io.format.unknown", String.valueOf(name))
			.with("parameter", "format");
	}

	public String parameterName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String extension() {
		return this.extension;
	}

	public String driver() {
		return this.driver;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public boolean zipped() {
		return this.zipped;
	}

	/** LIBKML's fields for a placemark's look, as GDAL reads KML and KMZ. */
	private static final class Kml {

		static final Set<String> DRAWING_FIELDS = Set.of("timestamp", "begin", "end", "altitudeMode", "tessellate",
				"extrude", "visibility", "drawOrder", "icon", "snippet");

	}

}
