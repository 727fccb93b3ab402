package cn.zonegis.ogc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import cn.zonegis.geo.GeoJson;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI 3.0 definition of /ogc: the shared parts from ogc/openapi-base.json, then
 * one set of paths per collection, so each collection's filterable properties and write
 * operations are listed. Self-contained: every $ref points inside the document.
 */
@Component
class OpenApiDocument {

	/** Query parameters of /items that are not property filters. */
	static final Set<String> ITEMS_PARAMETERS = Set.of("f", "limit", "offset", "bbox", "bbox-crs", "datetime", "crs",
			"filter", "filter-lang", "filter-crs", "count");

	private static final List<String> ITEMS_PARAMETER_ORDER = List.of("limit", "offset", "bbox", "bbox-crs", "datetime",
			"crs", "filter", "filter-lang", "filter-crs", "count", "f");

	private final CollectionRegistry registry;

	private final QueryableCatalog queryables;

	private final JsonMapper json;

	private final ObjectNode base;

	OpenApiDocument(CollectionRegistry registry, QueryableCatalog queryables, JsonMapper json) {
		this.registry = registry;
		this.queryables = queryables;
		this.json = json;
		try (InputStream in = new ClassPathResource("ogc/openapi-base.json").getInputStream()) {
			this.base = (ObjectNode) json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ObjectNode document(String serverUrl) {
		ObjectNode document = this.base.deepCopy();
		document.withArray("servers").addObject().put("url", serverUrl);
		ObjectNode paths = (ObjectNode) document.get("paths");
		for (CollectionDef def : this.registry.all()) {
			addCollection(paths, def, this.registry.writer(def.id()).isPresent());
		}
		return document;
	}

	private void addCollection(ObjectNode paths, CollectionDef def, boolean editable) {
		String path = "/collections/" + def.id();
		readsItems(paths.putObject(path), "describe_" + def.id(), def.titleEn(), "Resource", def).put("description",
				"Takes the parameters of its items, checked as there: GDAL opens a collection URL "
						+ "that carries them and sends them on to the items.");

		ObjectNode items = paths.putObject(path + "/items");
		readsItems(items, "getFeatures_" + def.id(), def.titleEn() + ": items", "Features", def);

		ObjectNode item = paths.putObject(path + "/items/{featureId}");
		operation(item, "get", "getFeature_" + def.id(), def.titleEn() + ": one item", "Feature", "featureId", "crs",
				"f");
		operation(paths.putObject(path + "/queryables"), "get", "getQueryables_" + def.id(),
				def.titleEn() + ": queryables", "Queryables", "f");
		if (editable) {
			body(operation(items, "post", "createFeature_" + def.id(), "Add an item", "Created"));
			body(operation(item, "put", "replaceFeature_" + def.id(), "Replace an item", "NoContent", "featureId",
					"If-Match"));
			ObjectNode patch = operation(item, "patch", "updateFeature_" + def.id(), "Update an item (merge patch)",
					"NoContent", "featureId", "If-Match");
			patch.putObject("requestBody")
				.put("required", true)
				.putObject("content")
				.putObject("application/merge-patch+json")
				.putObject("schema")
				.put("type", "object");
			operation(item, "delete", "deleteFeature_" + def.id(), "Delete an item", "NoContent", "featureId",
					"If-Match");
		}
	}

	/**
	 * A GET that takes the query parameters of def's items: the standard ones, then one
	 * per queryable property.
	 */
	private ObjectNode readsItems(ObjectNode pathItem, String operationId, String summary, String response,
			CollectionDef def) {
		ObjectNode operation = operation(pathItem, "get", operationId, summary, response,
				ITEMS_PARAMETER_ORDER.toArray(String[]::new));
		ArrayNode parameters = operation.withArray("parameters");
		this.queryables.of(def).values().stream().filter((q) -> !ITEMS_PARAMETERS.contains(q.name())).forEach((q) -> {
			ObjectNode parameter = parameters.addObject()
				.put("name", q.name())
				.put("in", "query")
				.put("required", false)
				.put("style", "form")
				.put("explode", false);
			String type = (q.type() == Queryable.Type.ARRAY) ? "string" : q.type().jsonType();
			parameter.putObject("schema").put("type", type);
		});
		return operation;
	}

	private ObjectNode operation(ObjectNode pathItem, String method, String operationId, String summary,
			String response, String... parameters) {
		ObjectNode operation = pathItem.putObject(method);
		operation.putArray("tags").add("Data");
		operation.put("operationId", operationId).put("summary", summary);
		ArrayNode refs = operation.putArray("parameters");
		for (String parameter : parameters) {
			refs.addObject().put("$ref", "#/components/parameters/" + parameter);
		}
		ObjectNode responses = operation.putObject("responses");
		String status = switch (response) {
			case "Created" -> "201";
			case "NoContent" -> "204";
			default -> "200";
		};
		responses.putObject(status).put("$ref", "#/components/responses/" + response);
		for (String error : new String[] { "400", "404" }) {
			responses.putObject(error).put("$ref", "#/components/responses/Problem");
		}
		return operation;
	}

	private void body(ObjectNode operation) {
		operation.putObject("requestBody")
			.put("required", true)
			.putObject("content")
			.putObject(GeoJson.MEDIA_TYPE_VALUE)
			.putObject("schema")
			.put("$ref", "#/components/schemas/feature");
	}

}
