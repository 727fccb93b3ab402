package cn.zonegis.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.Srid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs GDAL's ogr2ogr and ogrinfo on untrusted files: as a child process in the caller's
 * private folder, with a time limit, a minimal environment and GDAL's network access
 * switched off. Arguments go to the process as a list, never through a shell.
 */
@Component
class GdalRunner {

	private static final Logger log = LoggerFactory.getLogger(GdalRunner.class);

	private static final long KILL_WAIT_SECONDS = 10;

	/** The CRS every stored geometry is in, as GDAL names it. */
	private static final String STORED_CRS = "EPSG:" + Srid.CGCS2000;

	/**
	 * No HTTP: remote paths are refused and any request goes to a proxy that does not
	 * answer.
	 */
	private static final Map<String, String> OFFLINE = Map.of("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "none",
			"GDAL_HTTP_PROXY", "127.0.0.1:9", "GDAL_HTTP_TIMEOUT", "1", "GDAL_HTTP_CONNECTTIMEOUT", "1",
			"GDAL_HTTP_MAX_RETRY", "0", "GML_SKIP_RESOLVE_ELEMS", "ALL", "LIBKML_RESOLVE_STYLE", "NO",
			"LIBKML_EXTERNAL_STYLE", "NO", "CPL_DEBUG", "OFF");

	/**
	 * Where a layer's part of ogrinfo's summary begins: after an empty line, which no
	 * line of a layer's summary is.
	 */
	private static final Pattern LAYER_HEADER = Pattern.compile("\n\nLayer name: ([^\n]*)\n");

	/**
	 * How an allocation refused under the memory limit shows, from the loader, GDAL or
	 * the C++ runtime.
	 */
	private static final Pattern OUT_OF_MEMORY = Pattern
		.compile("(?i)cannot allocate|failed to map segment|out of memory|bad_alloc");

	/**
	 * The CRS's own id is the one at the root of the WKT, indented by exactly four
	 * spaces.
	 */
	private static final Pattern ROOT_ID = Pattern.compile("^    ID\\[\"(\\w+)\",(\\d+)\\]\\]$", Pattern.MULTILINE);

	private static final Pattern FEATURE_COUNT = Pattern.compile("^Feature Count: (\\d+)$", Pattern.MULTILINE);

	/** GDAL's name for its standard output. */
	private static final String STANDARD_OUTPUT = "/vsistdout/";

	/** The boundary's column in {@link #toCopyRows}, unlike any surveyor's field name. */
	static final String COPY_GEOMETRY = "zg_geom";

	private static final Pattern CRS_NAME = Pattern.compile("Layer SRS WKT:\\n\\w+\\[\"([^\"]*)\"");

	private final IoProperties properties;

	GdalRunner(IoProperties properties) {
		this.properties = properties;
	}

	/**
	 * The vector layers of a dataset with what GDAL understood of each, from one ogrinfo
	 * run; a 400 naming the first layer whose name GDAL would read as an option.
	 */
	List<LayerInfo> layers(Path dataset, Path workDir) {
		String info = run(List.of("ogrinfo", "-so", "-al", "-ro", "-nomd", dataset.toString()), workDir, Map.of());
		List<LayerInfo> layers = new ArrayList<>();
		Matcher header = LAYER_HEADER.matcher(info);
		boolean found = header.find();
		while (found) {
			String name = requireNotOptionLike(header.group(1));
			int start = header.end();
			found = header.find();
			layers.add(describe(name, info.substring(start, found ? header.start() : info.length())));
		}
		return layers;
	}

	/**
	 * A layer name comes from the file (a shapefile's name, a GeoJSON "name"): GDAL's
	 * utilities read any argument starting with "-" as an option wherever it stands, and
	 * GDAL 3.6 has no reliable "--" to end the options, so such a name is refused before
	 * it reaches a command line.
	 */
	private static String requireNotOptionLike(String layer) {
		if (layer.startsWith("-")) {
			throw ApiProblem.badRequest("unsafe-layer-name", "io.gdal.option-like-layer", layer).with("layer", layer);
		}
		return layer;
	}

	/**
	 * What GDAL understood of a layer from its part of ogrinfo's summary, which starts
	 * with its geometry type, feature count and CRS, before any field: its CRS (name and
	 * EPSG code when it has one, or null) and how many features it holds.
	 */
	private static LayerInfo describe(String name, String info) {
		Matcher count = FEATURE_COUNT.matcher(info);
		long features = count.find() ? Long.parseLong(count.group(1)) : 0;
		Matcher crs = CRS_NAME.matcher(info);
		if (!crs.find()) {
			return new LayerInfo(name, null, null, features);
		}
		Matcher id = ROOT_ID.matcher(info);
		if (!id.find()) {
			return new LayerInfo(name, crs.group(1), null, features);
		}
		Integer epsg = "EPSG".equals(id.group(1)) ? Integer.valueOf(id.group(2)) : null;
		return new LayerInfo(name, crs.group(1) + " (" + id.group(1) + ":" + id.group(2) + ")", epsg, features);
	}

	/**
	 * @param name the layer's name
	 * @param crs the layer's CRS as GDAL names it, or null when it has none
	 * @param epsg the EPSG code GDAL identified that CRS as, or null
	 * @param features the feature count GDAL reports (0 when it reports none)
	 */
	record LayerInfo(String name, String crs, Integer epsg, long features) {
	}

	/**
	 * Converts one layer to GeoJSON in EPSG:4490.
	 * @param sourceSrid the CRS the user gave, overriding the file's, or null
	 * @param encoding the attribute encoding the user gave (CP936…), or null for the
	 * file's own
	 */
	void toGeoJson(Path dataset, String layer, Path output, Integer sourceSrid, String encoding, Path workDir) {
		convert(List.of("-f", "GeoJSON", "-lco", "RFC7946=NO", "-lco", "COORDINATE_PRECISION=9", "-lco",
				"WRITE_NAME=NO"), dataset, layer, output, sourceSrid, true, encoding, Map.of(), workDir, null);
	}

	/**
	 * Converts one layer to the rows of a PostgreSQL COPY (GDAL's PGDUMP driver), handed
	 * to rows while GDAL writes them, so what reads them runs alongside the conversion: a
	 * {@code COPY … (columns) FROM STDIN;} line naming the source fields as they are,
	 * then one line per feature with the boundary as hex EWKB in {@link #COPY_GEOMETRY}
	 * and every field as text, ended by {@code \.}. What rows leaves unread is skipped;
	 * its result counts only when GDAL ends well in time. A ring the file leaves open
	 * comes out as an empty boundary: this driver would close it unseen, and the empty
	 * boundary hands the file to the reader, which sees the ring as written.
	 * @param sourceSrid the CRS the user gave, overriding the file's, or null; used only
	 * when reprojecting
	 * @param reproject whether the boundaries are reprojected to EPSG:4490, or left in
	 * the layer's own coordinates for PostGIS to reproject
	 */
	<T> T toCopyRows(Path dataset, String layer, Integer sourceSrid, boolean reproject, String encoding, Path workDir,
			OutputReader<T> rows) {
		return convert(
				List.of("-f", "PGDUMP", "-nln", "import_layer", "-fieldTypeToString", "All", "-lco", "LAUNDER=NO",
						"-lco", "GEOMETRY_NAME=" + COPY_GEOMETRY, "-lco", "CREATE_TABLE=OFF", "-lco",
						"CREATE_SCHEMA=OFF", "-lco", "DROP_TABLE=OFF", "-lco", "SPATIAL_INDEX=NONE"),
				dataset, layer, Path.of(STANDARD_OUTPUT), sourceSrid, reproject, encoding,
				Map.of("PG_USE_COPY", "YES", "OGR_GEOMETRY_ACCEPT_UNCLOSED_RING", "NO"), workDir, rows);
	}

	/** Reads what a GDAL run writes to its standard output. */
	interface OutputReader<T> {

		T read(BufferedReader output) throws IOException;

	}

	private <T> T convert(List<String> driverOptions, Path dataset, String layer, Path output, Integer sourceSrid,
			boolean reproject, String encoding, Map<String, String> driverConfig, Path workDir,
			OutputReader<T> standardOutput) {
		List<String> command = new ArrayList<>(List.of("ogr2ogr"));
		if (reproject) {
			command.addAll(List.of("-t_srs", STORED_CRS));
		}
		command.addAll(driverOptions);
		// GDAL takes -s_srs only with -t_srs. Rows left in the file's coordinates need
		// none: the caller knows their CRS.
		if (sourceSrid != null && reproject) {
			command.addAll(List.of("-s_srs", "EPSG:" + sourceSrid));
		}
		command.addAll(List.of(output.toString(), dataset.toString(), requireNotOptionLike(layer)));
		Map<String, String> config = new HashMap<>(driverConfig);
		if (encoding != null) {
			config.putAll(Map.of("SHAPE_ENCODING", encoding, "DXF_ENCODING", encoding));
		}
		return run(command, workDir, config, standardOutput).read();
	}

	/**
	 * Writes a GeoJSON file in EPSG:4490 to another format, reprojected to targetSrid.
	 */
	void fromGeoJson(Path geojson, String driver, Path output, int targetSrid, List<String> options, Path workDir) {
		List<String> command = new ArrayList<>(
				List.of("ogr2ogr", "-f", driver, "-s_srs", STORED_CRS, "-t_srs", "EPSG:" + targetSrid));
		command.addAll(options);
		command.addAll(List.of(output.toString(), geojson.toString()));
		run(command, workDir, Map.of());
	}

	private String run(List<String> command, Path workDir, Map<String, String> config) {
		return run(command, workDir, config, null).log();
	}

	/**
	 * Runs a GDAL utility under the limits. Its messages go to a log file; its standard
	 * output too, unless standardOutput reads it as it comes.
	 */
	private <T> Ran<T> run(List<String> command, Path workDir, Map<String, String> config,
			OutputReader<T> standardOutput) {
		// prlimit (util-linux) caps the child's address space; GDAL then fails its
		// allocation cleanly.
		List<String> limited = new ArrayList<>(
				List.of("prlimit", "--as=" + this.properties.gdalMemory().toBytes(), "--"));
		limited.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(limited).directory(workDir.toFile());
		Path log = workDir.resolve("gdal-" + System.nanoTime() + ".log");
		if (standardOutput == null) {
			builder.redirectErrorStream(true).redirectOutput(log.toFile());
		}
		else {
			builder.redirectError(log.toFile());
		}
		Map<String, String> env = builder.environment();
		String path = env.get("PATH");
		env.clear();
		env.put("PATH", (path == null) ? "/usr/bin:/bin" : path);
		env.put("HOME", workDir.toString());
		env.put("TMPDIR", workDir.toString());
		env.put("CPL_TMPDIR", workDir.toString());
		env.putAll(OFFLINE);
		env.putAll(config);
		Duration limit = this.properties.gdalTimeout();
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run " + command.get(0) + "; is gdal-bin installed?", ex);
		}
		// Killed at the limit even while its output is being read: the reader then meets
		// the end of the output.
		AtomicBoolean overTime = new AtomicBoolean();
		CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
			if (process.isAlive()) {
				overTime.set(true);
				process.destroyForcibly();
			}
		}, CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS));
		try {
			T read = null;
			if (standardOutput != null) {
				try {
					read = readAll(process, standardOutput);
				}
				catch (IOException | UncheckedIOException ex) {
					// Stopping the process at the limit closes the output under the
					// reader: that is the time limit, answered below.
					if (!overTime.get()) {
						throw ex;
					}
				}
			}
			process.waitFor();
			watchdog.cancel(false);
			if (overTime.get()) {
				throw ApiProblem.unprocessable("file-too-slow", "io.gdal.timeout", limit.toMillis() / 1000.0)
					.with("limitSeconds", limit.toMillis() / 1000.0);
			}
			// GDAL echoes names in the file's own encoding: decode leniently, a log line
			// must never fail the run.
			String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				GdalRunner.log.info("{} failed: {}", command.get(0), output.strip());
				if (OUT_OF_MEMORY.matcher(output).find()) {
					long megabytes = this.properties.gdalMemory().toMegabytes();
					throw ApiProblem.unprocessable("file-too-big-for-memory", "io.gdal.memory", megabytes)
						.with("limitMegabytes", megabytes);
				}
				throw ApiProblem.badRequest("unreadable-file", "io.gdal.failed", firstError(output, workDir));
			}
			return new Ran<>(output, read);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			watchdog.cancel(false);
			if (process.isAlive()) {
				// Gone before the caller removes its folder, so no file appears there
				// meanwhile.
				try {
					process.destroyForcibly().waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	/**
	 * What a run wrote to its log, and what was read of its standard output (or null).
	 */
	private record Ran<T>(String log, T read) {
	}

	/** Reads the standard output, then skips what the reader left, so GDAL can end. */
	private static <T> T readAll(Process process, OutputReader<T> reader) throws IOException {
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			T read = reader.read(output);
			output.transferTo(Writer.nullWriter());
			return read;
		}
	}

	/** GDAL's first error line, without the private folder's path. */
	private static String firstError(String output, Path workDir) {
		String error = output.lines()
			.filter((l) -> l.startsWith("ERROR") || l.startsWith("FAILURE"))
			.findFirst()
			.orElse(output.strip());
		return error.replace(workDir.toString() + "/", "");
	}

}
