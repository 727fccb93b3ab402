package cn.zonegis.ogc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API - Features: the landing page, conformance, the API definition and the
 * collections.
 */
@RestController
class OgcController {

	private static final String FEATURES = "http://www.opengis.net/spec/ogcapi-features-";

	private static final String CQL2 = "http://www.opengis.net/spec/cql2/1.0/conf/";

	/**
	 * What every deployment implements; Part 4 classes are added when some collection is
	 * editable.
	 */
	private static final List<String> CONFORMANCE = List.of(FEATURES + "1/1.0/conf/core", FEATURES + "1/1.0/conf/oas30",
			FEATURES + "1/1.0/conf/html", FEATURES + "1/1.0/conf/geojson", FEATURES + "2/1.0/conf/crs",
			FEATURES + "3/1.0/conf/queryables", FEATURES + "3/1.0/conf/queryables-query-parameters",
			FEATURES + "3/1.0/conf/filter", FEATURES + "3/1.0/conf/features-filter", CQL2 + "cql2-text",
			CQL2 + "cql2-json", CQL2 + "basic-cql2", CQL2 + "advanced-comparison-operators",
			CQL2 + "basic-spatial-functions", CQL2 + "basic-spatial-functions-plus", CQL2 + "spatial-functions",
			CQL2 + "property-property");

	private static final List<String> EDITING = List.of(FEATURES + "4/1.0/conf/create-replace-delete",
			FEATURES + "4/1.0/conf/update");

	private final CollectionRegistry registry;

	private final CollectionDescriptions descriptions;

	private final OpenApiDocument openApi;

	private final JsonMapper json;

	private final List<OgcExtension> extensions;

	private final ItemsRequestReader itemsReader;

	OgcController(CollectionRegistry registry, CollectionDescriptions descriptions, OpenApiDocument openApi,
			JsonMapper json, List<OgcExtension> extensions, ItemsRequestReader itemsReader) {
		this.registry = registry;
		this.descriptions = descriptions;
		this.openApi = openApi;
		this.json = json;
		this.extensions = extensions;
		this.itemsReader = itemsReader;
	}

	@GetMapping({ "/ogc", "/ogc/" })
	ResponseEntity<byte[]> landing(HttpServletRequest request) {
		QueryParameters.acceptOnly(request.getParameterMap(), QueryParameters.FORMAT_ONLY);
		OgcFormat format = OgcFormat.of(request);
		OgcLinks links = new OgcLinks(request, this.json);
		links.selfAndAlternate("", format, MediaType.APPLICATION_JSON, "ZoneGIS")
			.add(links.url("/api"), "service-desc", OgcFormat.OPENAPI_JSON, "API definition")
			.add(links.url("/conformance"), "conformance", MediaType.APPLICATION_JSON, "Conformance")
			.add(links.url("/collections"), "data", MediaType.APPLICATION_JSON, "Collections");
		this.extensions.forEach((extension) -> links.addAll(extension.landingLinks()));
		ObjectNode landing = this.json.createObjectNode()
			.put("title", "ZoneGIS")
			.put("description", english() ? "Land and infrastructure of the development zone" : "开发区土地与基础设施");
		landing.set("links", links.array());
		return OgcResponses.of(format, MediaType.APPLICATION_JSON, "ZoneGIS", landing, this.json);
	}

	@GetMapping("/ogc/conformance")
	ResponseEntity<byte[]> conformance(HttpServletRequest request) {
		QueryParameters.acceptOnly(request.getParameterMap(), QueryParameters.FORMAT_ONLY);
		List<String> classes = new ArrayList<>(CONFORMANCE);
		if (this.registry.all().stream().anyMatch((def) -> this.registry.writer(def.id()).isPresent())) {
			classes.addAll(EDITING);
		}
		this.extensions.forEach((extension) -> classes.addAll(extension.conformance()));
		ObjectNode body = this.json.createObjectNode();
		ArrayNode conformsTo = body.putArray("conformsTo");
		classes.forEach(conformsTo::add);
		return OgcResponses.of(OgcFormat.of(request), MediaType.APPLICATION_JSON, "Conformance", body, this.json);
	}

	@GetMapping("/ogc/api")
	ResponseEntity<byte[]> api(HttpServletRequest request) {
		QueryParameters.acceptOnly(request.getParameterMap(), QueryParameters.FORMAT_ONLY);
		OgcFormat format = OgcFormat.of(request);
		ObjectNode document = this.openApi.document(new OgcLinks(request, this.json).url(""));
		return OgcResponses.of(format, OgcFormat.OPENAPI_JSON, "OpenAPI", document, this.json);
	}

	@GetMapping("/ogc/collections")
	ResponseEntity<byte[]> collections(HttpServletRequest request) {
		QueryParameters.acceptOnly(request.getParameterMap(), QueryParameters.FORMAT_ONLY);
		OgcFormat format = OgcFormat.of(request);
		OgcLinks links = new OgcLinks(request, this.json).selfAndAlternate("/collections", format,
				MediaType.APPLICATION_JSON, "Collections");
		ObjectNode body = this.json.createObjectNode();
		body.set("links", links.array());
		ArrayNode collections = body.putArray("collections");
		this.registry.all().forEach((def) -> collections.add(this.descriptions.describe(def, request, null)));
		body.set("crs", this.json.valueToTree(this.descriptions.crsUris()));
		return OgcResponses.of(format, MediaType.APPLICATION_JSON, "Collections", body, this.json);
	}

	@GetMapping("/ogc/collections/{collectionId}")
	ResponseEntity<byte[]> collection(@PathVariable String collectionId, HttpServletRequest request) {
		CollectionDef def = this.registry.get(collectionId);
		// GDAL opens a collection URL carrying the items' parameters (…/parcels?filter=…)
		// and sends them on to /items: they are checked here as /items checks them.
		this.itemsReader.read(def, request.getParameterMap());
		OgcFormat format = OgcFormat.of(request);
		ObjectNode body = this.descriptions.describe(def, request, format);
		return OgcResponses.of(format, MediaType.APPLICATION_JSON, body.get("title").asString(), body, this.json);
	}

	@GetMapping("/ogc/collections/{collectionId}/queryables")
	ResponseEntity<byte[]> queryables(@PathVariable String collectionId, HttpServletRequest request) {
		QueryParameters.acceptOnly(request.getParameterMap(), QueryParameters.FORMAT_ONLY);
		CollectionDef def = this.registry.get(collectionId);
		OgcFormat format = OgcFormat.of(request);
		ObjectNode schema = this.descriptions.queryables(def,
				new OgcLinks(request, this.json).url("/collections/" + def.id() + "/queryables"));
		return OgcResponses.of(format, OgcFormat.SCHEMA_JSON, schema.get("title").asString(), schema, this.json);
	}

	static boolean english() {
		return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
	}

}
