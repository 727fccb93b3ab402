package cn.zonegis.ogc;

import java.util.List;
import java.util.Map;

import cn.zonegis.geo.GeoJson;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** The JSON that describes a collection (/ogc/collections/{id}) and its queryables. */
@Component
class CollectionDescriptions {

	private static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

	private static final String JSON_SCHEMA = "https://json-schema.org/draft/2019-09/schema";

	private final CollectionExtents extents;

	private final CrsCatalog crs;

	private final QueryableCatalog queryables;

	private final JsonMapper json;

	private final List<OgcExtension> extensions;

	CollectionDescriptions(CollectionExtents extents, CrsCatalog crs, QueryableCatalog queryables, JsonMapper json,
			List<OgcExtension> extensions) {
		this.extents = extents;
		this.crs = crs;
		this.queryables = queryables;
		this.json = json;
		this.extensions = extensions;
	}

	List<String> crsUris() {
		return this.crs.uris();
	}

	/**
	 * @param served the format of this response when it is the collection itself, null
	 * when the collection is listed in /collections
	 */
	ObjectNode describe(CollectionDef def, HttpServletRequest request, OgcFormat served) {
		String title = OgcController.english() ? def.titleEn() : def.titleZh();
		String path = "/collections/" + def.id();
		OgcLinks links = new OgcLinks(request, this.json);
		if (served == null) {
			links.add(links.url(path), "self", MediaType.APPLICATION_JSON, title);
		}
		else {
			links.selfAndAlternate(path, served, MediaType.APPLICATION_JSON, title);
		}
		links.add(links.url(path + "/items", Map.of("f", "json")), "items", GeoJson.MEDIA_TYPE, title)
			.add(links.url(path + "/items", Map.of("f", "html")), "items", MediaType.TEXT_HTML, title)
			.add(links.url(path + "/queryables"), "http://www.opengis.net/def/rel/ogc/1.0/queryables",
					OgcFormat.SCHEMA_JSON, title);
		this.extensions.forEach((extension) -> links.addAll(extension.collectionLinks(def)));
		ObjectNode collection = this.json.createObjectNode()
			.put("id", def.id())
			.put("title", title)
			.put("description", def.titleZh() + " / " + def.titleEn())
			.put("itemType", "feature");
		collection.set("links", links.array());
		collection.set("extent", extent(def));
		collection.set("crs", this.json.valueToTree(this.crs.uris()));
		collection.put("storageCrs", Crs.CGCS2000.uri());
		return collection;
	}

	private ObjectNode extent(CollectionDef def) {
		CollectionExtents.Extent extent = this.extents.of(def);
		ObjectNode node = this.json.createObjectNode();
		if (extent.bbox() != null) {
			ArrayNode box = node.putObject("spatial").put("crs", Crs.CRS84.uri()).putArray("bbox").addArray();
			for (double value : extent.bbox()) {
				box.add(value);
			}
		}
		if (def.temporalColumn() != null) {
			ObjectNode temporal = node.putObject("temporal").put("trs", GREGORIAN);
			ArrayNode interval = temporal.putArray("interval").addArray();
			interval.add((extent.firstAt() == null) ? null : extent.firstAt().toInstant().toString());
			interval.add((extent.lastAt() == null) ? null : extent.lastAt().toInstant().toString());
		}
		return node;
	}

	/** The queryables as a JSON Schema (OGC API - Features Part 3). */
	ObjectNode queryables(CollectionDef def, String id) {
		ObjectNode schema = this.json.createObjectNode()
			.put("$schema", JSON_SCHEMA)
			.put("$id", id)
			.put("type", "object")
			.put("title", OgcController.english() ? def.titleEn() : def.titleZh());
		ObjectNode properties = schema.putObject("properties");
		properties.putObject("geometry").put("format", "geometry-" + def.geometryType().toLowerCase());
		this.queryables.of(def).values().forEach((queryable) -> {
			ObjectNode property = properties.putObject(queryable.name()).put("type", queryable.type().jsonType());
			if (queryable.type().format() != null) {
				property.put("format", queryable.type().format());
			}
			if (queryable.type() == Queryable.Type.ARRAY) {
				property.putObject("items").put("type", "string");
			}
		});
		schema.put("additionalProperties", false);
		return schema;
	}

}
