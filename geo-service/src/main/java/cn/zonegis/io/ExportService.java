package cn.zonegis.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.zonegis.ApiProblem;
import cn.zonegis.document.RedLineDrawings;
import cn.zonegis.geo.GeoProperties;
import cn.zonegis.geo.Srid;
import cn.zonegis.land.ParcelRecord;
import cn.zonegis.land.ParcelService;

import org.springframework.stereotype.Service;

/**
 * Exports any selection of parcels. GeoJSON streams straight from PostGIS; TXT is written
 * in Java; the other formats are GDAL's, made by ogr2ogr from that GeoJSON in a private
 * folder.
 */
@Service
public class ExportService {

	private static final String LAYER = "parcels";

	private final ParcelService parcels;

	private final TxtExport txt;

	private final GdalRunner gdal;

	private final CrsRepository crs;

	private final GeoProperties geo;

	private final RedLineDrawings drawings;

	ExportService(ParcelService parcels, TxtExport txt, GdalRunner gdal, CrsRepository crs, GeoProperties geo,
			RedLineDrawings drawings) {
		this.drawings = drawings;
		this.parcels = parcels;
		this.txt = txt;
		this.gdal = gdal;
		this.crs = crs;
		this.geo = geo;
	}

	/** Streams the selection as GeoJSON in EPSG:4490, as PostGIS writes it. */
	public void writeGeoJson(ExportRequest request, OutputStream out) {
		this.parcels.exportSelection(request.selection(), out);
	}

	/** The selection as a file in any other format, made before anything is sent. */
	public byte[] file(ExportRequest request) {
		if (request.srid() != null) {
			this.crs.requireKnownSrid(request.srid());
		}
		if (request.format() == FileFormat.TXT) {
			return txtFile(request);
		}
		try (WorkDir work = WorkDir.create("export")) {
			Path geojson = work.resolve(LAYER + ".geojson");
			try (OutputStream out = Files.newOutputStream(geojson)) {
				this.parcels.exportSelection(request.selection(), out);
			}
			Path output = work.resolve(LAYER + "." + outputExtension(request.format()));
			this.gdal.fromGeoJson(geojson, request.format().driver(), output, targetSrid(request),
					writeOptions(request), work.path());
			return request.format().zipped() ? zipShapefile(work.path()) : Files.readAllBytes(output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The export file and the selected parcels' issued red-line drawings together in one
	 * zip: parcels.<ext> and red-line/红线图-<number>.pdf.
	 */
	public byte[] zipWithDrawings(ExportRequest request) {
		byte[] file;
		if (request.format() == FileFormat.GEOJSON) {
			ByteArrayOutputStream geojson = new ByteArrayOutputStream();
			writeGeoJson(request, geojson);
			file = geojson.toByteArray();
		}
		else {
			file = file(request);
		}
		List<Long> ids = new ArrayList<>();
		this.parcels.exportSelection(request.selection(), (ParcelRecord parcel) -> ids.add(parcel.id()));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(LAYER + "." + request.format().extension()));
			zip.write(file);
			zip.closeEntry();
			this.drawings.addIssued(ids, zip, "red-line/");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private byte[] txtFile(ExportRequest request) {
		int srid = (request.srid() != null) ? request.srid() : this.geo.measureSrid();
		GaussKruger target = GaussKruger.ofSrid(srid)
			.orElseThrow(() -> ApiProblem.badRequest("invalid-parameter", "io.export.txt-crs", srid)
				.with("parameter", "srid"))
			.withPrefix(request.zonePrefix());
		List<ParcelRecord> records = new ArrayList<>();
		this.parcels.exportSelection(request.selection(), records::add);
		return this.txt.write(records, target, request.txtCharset());
	}

	/**
	 * KML is WGS 84 by definition; the rest default to the measuring Gauss-Kruger CRS.
	 */
	private int targetSrid(ExportRequest request) {
		if (request.format() == FileFormat.KML || request.format() == FileFormat.KMZ) {
			return Srid.WGS84;
		}
		return (request.srid() != null) ? request.srid() : this.geo.measureSrid();
	}

	private static String outputExtension(FileFormat format) {
		return format.zipped() ? "shp" : format.extension();
	}

	private static List<String> writeOptions(ExportRequest request) {
		List<String> options = new ArrayList<>(List.of("-nln", LAYER));
		if (request.format() == FileFormat.SHP) {
			String encoding = (request.encoding() == null) ? "UTF-8" : TextDecoding.named(request.encoding()).name();
			options.addAll(List.of("-lco", "ENCODING=" + encoding));
		}
		if (request.format() == FileFormat.DXF) {
			// DXF keeps no attributes but the layer: each parcel goes on a layer named by
			// its code.
			options.addAll(List.of("-sql", "SELECT code AS Layer FROM " + LAYER));
		}
		return options;
	}

	private static byte[] zipShapefile(Path dir) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes); var files = Files.list(dir)) {
			for (Path file : files.filter(ExportService::isShapefilePart).sorted().toList()) {
				zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
				Files.copy(file, zip);
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static boolean isShapefilePart(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.startsWith(LAYER + ".") && !name.endsWith(".geojson");
	}

}
