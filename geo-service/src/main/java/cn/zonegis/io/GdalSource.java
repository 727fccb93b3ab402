package cn.zonegis.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import cn.zonegis.ApiProblem;
import cn.zonegis.InputRules;
import cn.zonegis.geo.GeometryCheck;
import cn.zonegis.geo.Srid;
import org.locationtech.jts.geom.MultiPolygon;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Imports Shapefile (zip), KML, KMZ, GeoPackage, DXF and GeoJSON through ogr2ogr: every
 * layer is converted to GeoJSON in EPSG:4490 by GDAL/PROJ, then read back, mapped to
 * parcel attributes and checked like any drawn boundary.
 */
@Component
class GdalSource {

	/** Features read between two progress reports. */
	private static final int PROGRESS_STEP = 1000;

	private final GdalRunner gdal;

	private final GeometryCheck geometryCheck;

	private final CrsRepository repository;

	private final IoProperties properties;

	private final JsonMapper json;

	private final MessageSource messages;

	private final ImportProgress progress;

	private final InputRules inputRules;

	GdalSource(GdalRunner gdal, GeometryCheck geometryCheck, CrsRepository repository, IoProperties properties,
			JsonMapper json, MessageSource messages, ImportProgress progress, InputRules inputRules) {
		this.inputRules = inputRules;
		this.gdal = gdal;
		this.geometryCheck = geometryCheck;
		this.repository = repository;
		this.properties = properties;
		this.json = json;
		this.messages = messages;
		this.progress = progress;
	}

	/**
	 * Reads the uploaded file, saved as input.&lt;extension&gt; in the private folder.
	 */
	SourceBatch read(Path upload, ImportRequest request, WorkDir work) {
		return read(layers(upload, request, work), request, work);
	}

	/** Reads the file's layers, as {@link #layers} found them, through GeoJSON. */
	SourceBatch read(List<SourceLayer> layers, ImportRequest request, WorkDir work) {
		List<SourceFeature> features = new ArrayList<>();
		for (int i = 0; i < layers.size(); i++) {
			SourceLayer layer = layers.get(i);
			Path out = work.resolve("layer-" + i + ".geojson");
			this.gdal.toGeoJson(layer.dataset(), layer.name(), out, request.srid(), request.encoding(), work.path());
			readFeatures(out, request, features);
			this.properties.requireFeatureCount(features.size());
		}
		if (features.isEmpty()) {
			throw ApiProblem.unprocessable("empty-file", "io.file.empty");
		}
		return new SourceBatch(SourceLayer.crsOf(layers), features);
	}

	/**
	 * Converts a layer to the rows of a PostgreSQL COPY, handed to rows as GDAL writes
	 * them (see {@link GdalRunner#toCopyRows}) with the EPSG code of their boundaries:
	 * the layer's own when {@link SourceLayer#reprojectedByPostgis} says so, else 4490.
	 */
	<T> T copyRows(SourceLayer layer, ImportRequest request, WorkDir work, CopyReader<T> rows) {
		Optional<Integer> ownSrid = layer.reprojectedByPostgis();
		return this.gdal.toCopyRows(layer.dataset(), layer.name(), request.srid(), ownSrid.isEmpty(),
				request.encoding(), work.path(), (output) -> rows.read(output, ownSrid.orElse(Srid.CGCS2000)));
	}

	/** Reads a layer's COPY rows, whose boundaries are in the CRS of EPSG code srid. */
	interface CopyReader<T> {

		T read(BufferedReader rows, int srid) throws IOException;

	}

	/**
	 * The vector layers of the uploaded file with their CRS, refusing a layer without one
	 * when the format needs it and the user gave none.
	 */
	List<SourceLayer> layers(Path upload, ImportRequest request, WorkDir work) {
		if (request.srid() != null) {
			this.repository.requireKnownSrid(request.srid());
		}
		if (request.format() == FileFormat.GEOJSON) {
			checkGeoJsonText(upload);
		}
		List<SourceLayer> layers = new ArrayList<>();
		for (Path dataset : datasets(upload, request.format(), work)) {
			for (GdalRunner.LayerInfo layer : this.gdal.layers(dataset, work.path())) {
				if (layer.crs() == null && request.srid() == null && needsCrs(request.format())) {
					throw ApiProblem.unprocessable("missing-crs", "io.crs.missing", layer.name())
						.with("parameter", "srid");
				}
				layers.add(new SourceLayer(dataset, layer.name(),
						(request.srid() != null) ? "EPSG:" + request.srid() : layer.crs(),
						(request.srid() != null) ? request.srid() : layer.epsg(), layer.features()));
			}
		}
		return layers;
	}

	/**
	 * Refuses a GeoJSON feature whose properties break the API's text rules, naming the
	 * feature: checked before GDAL, which cuts a text at its first NUL. Read feature by
	 * feature; a file that is not JSON is left for GDAL to refuse in its words.
	 */
	private void checkGeoJsonText(Path upload) {
		try (JsonParser parser = this.json.createParser(upload.toFile())) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String member = parser.currentName();
				if (parser.nextToken() != JsonToken.START_ARRAY || !"features".equals(member)) {
					parser.skipChildren();
					continue;
				}
				for (int index = 0; parser.nextToken() == JsonToken.START_OBJECT; index++) {
					JsonNode properties = parser.<JsonNode>readValueAsTree().path("properties");
					try {
						this.inputRules.check(properties);
					}
					catch (ApiProblem problem) {
						throw problem.with("feature", index);
					}
				}
			}
		}
		catch (StreamReadException ex) {
			// Not JSON: GDAL says what is wrong with it.
		}
	}

	/**
	 * One layer of an uploaded file.
	 *
	 * @param crs the CRS it is read in: the user's, else the file's (null for KML and
	 * GeoJSON without one)
	 * @param epsg that CRS's EPSG code, when known
	 * @param features how many features GDAL counts in it
	 */
	record SourceLayer(Path dataset, String name, String crs, Integer epsg, long features) {

		/**
		 * The layer's EPSG code when PostGIS takes its boundaries to EPSG:4490 exactly as
		 * GDAL would: CGCS2000 itself or one of its Gauss-Krüger projections, one datum,
		 * so a single projection step that both run through PROJ (bit-identical on the
		 * import bench's 10,000 parcels). PostGIS keeps that PROJ operation for the
		 * connection, where every GDAL run builds it anew: 0.15–0.3 s of a 10,000-parcel
		 * import. Empty for any other CRS, which GDAL reprojects.
		 */
		Optional<Integer> reprojectedByPostgis() {
			return Optional.ofNullable(this.epsg)
				.filter((srid) -> srid == Srid.CGCS2000 || GaussKruger.ofSrid(srid).isPresent());
		}

		/** The CRS of a file's layers, each named once. */
		static String crsOf(List<SourceLayer> layers) {
			Set<String> names = new LinkedHashSet<>();
			layers.forEach((l) -> names.add(l.crs()));
			return String.join("; ", names);
		}

		static long featuresOf(List<SourceLayer> layers) {
			return layers.stream().mapToLong(SourceLayer::features).sum();
		}

	}

	/**
	 * KML and GeoJSON are lon/lat by definition; the others carry their CRS or need one.
	 */
	private static boolean needsCrs(FileFormat format) {
		return format == FileFormat.SHP || format == FileFormat.GPKG || format == FileFormat.DXF;
	}

	private List<Path> datasets(Path upload, FileFormat format, WorkDir work) {
		if (format != FileFormat.SHP && format != FileFormat.KMZ) {
			return List.of(upload);
		}
		String wanted = (format == FileFormat.SHP) ? ".shp" : ".kml";
		try {
			List<Path> files = ZipGuard.extract(upload, Files.createDirectories(work.resolve("unzipped")),
					this.properties.maxUnzippedBytes(), this.properties.maxZipEntries());
			List<Path> datasets = files.stream()
				.filter((f) -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(wanted))
				.toList();
			if (datasets.isEmpty()) {
				throw ApiProblem.badRequest("unreadable-file", "io.zip.no-dataset", wanted);
			}
			return datasets;
		}
		catch (IOException ex) {
			throw ApiProblem.badRequest("unreadable-file", "io.zip.unreadable");
		}
	}

	private void readFeatures(Path geojson, ImportRequest request, List<SourceFeature> features) {
		JsonNode collection;
		try {
			collection = this.json.readTree(geojson.toFile());
		}
		catch (UncheckedIOException | JacksonException ex) {
			throw ApiProblem.badRequest("unreadable-file", "io.gdal.output");
		}
		int total = features.size() + collection.path("features").size();
		for (JsonNode feature : collection.path("features")) {
			features.add(feature(features.size(), feature, request));
			if (features.size() % PROGRESS_STEP == 0) {
				this.progress.report(request.progressId(), ImportProgress.Stage.READING, features.size(), total);
			}
		}
	}

	private SourceFeature feature(int index, JsonNode feature, ImportRequest request) {
		JsonNode props = feature.get("properties");
		FieldMapping fields = request.fields();
		Attributes attributes = attributes(props, request);
		List<ImportIssue> problems = new ArrayList<>(attributes.problems());
		List<ImportIssue> repairs = new ArrayList<>();
		String label = Optional.ofNullable(fields.code(props)).orElse("#" + (index + 1));
		MultiPolygon geometry = null;
		try {
			JsonNode shape = asArea(onThePlane(feature.get("geometry")));
			List<OpenRing> openRings = closeOpenRings(shape);
			for (OpenRing ring : openRings) {
				(request.repair() ? repairs : problems).add(ring.issue(label, request.repair(), this.messages));
			}
			if (request.repair() || openRings.isEmpty()) {
				geometry = this.geometryCheck.read(shape);
			}
		}
		catch (ApiProblem problem) {
			problems.add(ImportIssue.of(problem, this.messages));
		}
		return new SourceFeature(index, fields.code(props), fields.name(props), fields.landUse(props),
				fields.landClassCode(props), fields.holder(props), attributes.surveyedAreaM2(), fields.note(props),
				attributes.version(), geometry, null, problems, List.of(), repairs);
	}

	/**
	 * Closes each ring of a Polygon or MultiPolygon whose last position is not its first,
	 * by repeating the first, and names those rings: GDAL passes an open ring on as
	 * written, and the caller decides whether the request allowed closing it.
	 */
	private List<OpenRing> closeOpenRings(JsonNode geometry) {
		List<OpenRing> open = new ArrayList<>();
		if (geometry == null || !geometry.isObject()) {
			return open;
		}
		String type = geometry.path("type").asString("");
		JsonNode coordinates = geometry.path("coordinates");
		List<JsonNode> parts = new ArrayList<>();
		if ("Polygon".equals(type)) {
			parts.add(coordinates);
		}
		else if ("MultiPolygon".equals(type)) {
			coordinates.forEach(parts::add);
		}
		for (int p = 0; p < parts.size(); p++) {
			for (int r = 0; r < parts.get(p).size(); r++) {
				JsonNode ring = parts.get(p).get(r);
				if (ring instanceof ArrayNode positions && positions.size() >= 3
						&& !positions.get(0).equals(positions.get(positions.size() - 1))) {
					open.add(new OpenRing(p + 1, r + 1, positions.get(0), positions.get(positions.size() - 1)));
					positions.add(positions.get(0).deepCopy());
				}
			}
		}
		return open;
	}

	/**
	 * A ring a file left open, numbered as a drawn boundary's defects are: part and ring
	 * from 1, ring 1 the outer ring.
	 */
	private record OpenRing(int part, int ring, JsonNode first, JsonNode last) {

		/**
		 * What refuses the feature, or what was repaired when the request allowed it.
		 */
		ImportIssue issue(String feature, boolean repaired, MessageSource messages) {
			ApiProblem issue = ApiProblem
				.unprocessable(repaired ? TxtGeometry.RingRepair.CLOSED : "ring-open",
						repaired ? "io.file.repaired.ring-closed" : "io.file.refused.ring-closed", feature, this.part,
						this.ring, position(this.last), position(this.first))
				.with("part", this.part)
				.with("ring", this.ring);
			return ImportIssue.of(repaired ? issue : issue.with("parameter", "repair"), messages);
		}

		private static String position(JsonNode position) {
			return position.get(0) + " " + position.get(1);
		}

	}

	/**
	 * Whether any of the features' source fields (each feature's as an object of field
	 * names and values) would refuse it: the import then goes through the reader, which
	 * names each problem per feature.
	 */
	boolean anyFieldProblem(List<JsonNode> properties, ImportRequest request) {
		return properties.stream().anyMatch((p) -> !attributes(p, request).problems().isEmpty());
	}

	/** The numbers a feature's fields give, and what refuses the fields. */
	private record Attributes(Double surveyedAreaM2, Integer version, List<ImportIssue> problems) {
	}

	private Attributes attributes(JsonNode props, ImportRequest request) {
		FieldMapping fields = request.fields();
		List<ImportIssue> problems = new ArrayList<>();
		try {
			this.inputRules.checkAttributes(fields.texts(props));
		}
		catch (ApiProblem problem) {
			problems.add(ImportIssue.of(problem, this.messages));
		}
		fields.unkeptFields(props, request.format().drawingFields())
			.forEach((p) -> problems.add(ImportIssue.of(p, this.messages)));
		Double surveyedAreaM2 = null;
		Integer version = null;
		try {
			surveyedAreaM2 = fields.surveyedAreaM2(props);
		}
		catch (ApiProblem problem) {
			problems.add(ImportIssue.of(problem, this.messages));
		}
		try {
			version = fields.version(props);
		}
		catch (ApiProblem problem) {
			problems.add(ImportIssue.of(problem, this.messages));
		}
		return new Attributes(surveyedAreaM2, version, problems);
	}

	/**
	 * CAD draws parcels as closed polylines: a closed LineString (or MultiLineString of
	 * closed lines) becomes the polygon it encloses; anything else is passed on for the
	 * check to judge.
	 */
	private JsonNode asArea(JsonNode geometry) {
		if (geometry == null || !geometry.isObject()) {
			return geometry;
		}
		String type = geometry.path("type").asString("");
		if ("LineString".equals(type) && isClosed(geometry.get("coordinates"))) {
			return polygon("Polygon", ringsOf(geometry.get("coordinates")));
		}
		if ("MultiLineString".equals(type)) {
			ArrayNode parts = this.json.createArrayNode();
			for (JsonNode line : geometry.get("coordinates")) {
				if (!isClosed(line)) {
					return geometry;
				}
				parts.add(ringsOf(line));
			}
			return polygon("MultiPolygon", parts);
		}
		return geometry;
	}

	/**
	 * CAD and many shapefiles store every vertex with a height of 0: a drawing on the
	 * plane, whose zeros say nothing, so they are left out. A geometry with any real
	 * height is passed on whole, and the check refuses it naming the position, since a
	 * red line has no height to keep.
	 */
	private JsonNode onThePlane(JsonNode geometry) {
		JsonNode coordinates = (geometry == null) ? null : geometry.get("coordinates");
		if (coordinates == null || !hasOnlyZeroHeights(coordinates)) {
			return geometry;
		}
		ObjectNode flat = ((ObjectNode) geometry).deepCopy();
		flat.set("coordinates", withoutHeights(coordinates));
		return flat;
	}

	private static boolean isPosition(JsonNode node) {
		return node.isArray() && !node.isEmpty() && node.get(0).isNumber();
	}

	private static boolean hasOnlyZeroHeights(JsonNode node) {
		if (isPosition(node)) {
			return node.size() == 2 || (node.size() == 3 && node.get(2).asDouble() == 0.0);
		}
		for (JsonNode child : node) {
			if (!hasOnlyZeroHeights(child)) {
				return false;
			}
		}
		return true;
	}

	private JsonNode withoutHeights(JsonNode node) {
		ArrayNode copy = this.json.createArrayNode();
		if (isPosition(node)) {
			return copy.add(node.get(0)).add(node.get(1));
		}
		for (JsonNode child : node) {
			copy.add(withoutHeights(child));
		}
		return copy;
	}

	private ArrayNode ringsOf(JsonNode line) {
		return this.json.createArrayNode().add(line);
	}

	private ObjectNode polygon(String type, ArrayNode coordinates) {
		ObjectNode polygon = this.json.createObjectNode();
		polygon.put("type", type);
		polygon.set("coordinates", coordinates);
		return polygon;
	}

	private static boolean isClosed(JsonNode line) {
		return line != null && line.isArray() && line.size() >= 4 && line.get(0).equals(line.get(line.size() - 1));
	}

}
