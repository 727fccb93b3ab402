package cn.zonegis.tiles;

import cn.zonegis.geo.GeoProperties;
import cn.zonegis.ogc.CollectionDef;
import cn.zonegis.ogc.CollectionExtents;
import cn.zonegis.ogc.Queryable;
import cn.zonegis.ogc.QueryableCatalog;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * TileJSON 3.0.0 of a collection: where its tiles are, its zoom range, bounds and tile
 * fields.
 */
@Component
class TileJson {

	private final CollectionExtents extents;

	private final QueryableCatalog queryables;

	private final GeoProperties geo;

	private final JsonMapper json;

	TileJson(CollectionExtents extents, QueryableCatalog queryables, GeoProperties geo, JsonMapper json) {
		this.extents = extents;
		this.queryables = queryables;
		this.geo = geo;
		this.json = json;
	}

	ObjectNode of(CollectionDef def, HttpServletRequest request) {
		String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		ObjectNode tileJson = this.json.createObjectNode()
			.put("tilejson", "3.0.0")
			.put("name", def.id())
			.put("description", def.titleZh() + " / " + def.titleEn())
			.put("scheme", "xyz")
			.put("minzoom", def.minZoom())
			.put("maxzoom", def.maxZoom());
		tileJson.putArray("tiles").add(base + "/tiles/" + def.id() + "/{z}/{x}/{y}.mvt");
		double[] bbox = this.extents.of(def).bbox();
		ArrayNode bounds = tileJson.putArray("bounds");
		for (double value : (bbox != null) ? bbox
				: this.geo.extent().stream().mapToDouble(Double::doubleValue).toArray()) {
			bounds.add(value);
		}
		tileJson.putArray("center")
			.add(this.geo.center().get(0))
			.add(this.geo.center().get(1))
			.add(Math.max(def.minZoom(), this.geo.zoom()));
		ObjectNode layer = tileJson.putArray("vector_layers")
			.addObject()
			.put("id", def.id())
			.put("description", def.titleEn())
			.put("minzoom", def.minZoom())
			.put("maxzoom", def.maxZoom());
		ObjectNode fields = layer.putObject("fields").put("id", "Number");
		for (String name : def.tileProperties()) {
			fields.put(name, fieldType(this.queryables.of(def).get(name).type()));
		}
		return tileJson;
	}

	private static String fieldType(Queryable.Type type) {
		return switch (type) {
			case INTEGER, NUMBER -> "Number";
			case BOOLEAN -> "Boolean";
			default -> "String";
		};
	}

}
