package cn.zonegis.ogc;

import java.util.Map;

import cn.zonegis.InputRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

import org.springframework.stereotype.Component;

/**
 * Refuses a replace or update that changes a property the writer cannot write (a parcel's
 * status or computed area): the writer would drop it and answer 204. A GIS client sends
 * back what it read (QGIS does), so a value equal to the published one is accepted.
 */
@Component
class ReadOnlyProperties {

	private final FeatureRepository features;

	private final JsonMapper json;

	ReadOnlyProperties(FeatureRepository features, JsonMapper json) {
		this.features = features;
		this.json = json;
	}

	/**
	 * 422 naming the first read-only property of the feature (or merge patch) whose value
	 * differs from the one item id publishes; a missing item is left to the writer's 404.
	 */
	void refuseChanges(CollectionDef def, FeatureWriter writer, long id, JsonNode body) {
		JsonNode sent = body.path("properties");
		if (writer.readOnlyProperties().stream().noneMatch(sent::has)) {
			return;
		}
		JsonNode published = this.features.find(def, id, Crs.STORED_LON_LAT)
			.map((stored) -> this.json.readTree(stored.json()).path("properties"))
			.orElse(null);
		if (published == null) {
			return;
		}
		for (Map.Entry<String, JsonNode> property : sent.properties()) {
			String name = property.getKey();
			if (writer.readOnlyProperties().contains(name)) {
				InputRules.refuseChanged(name, property.getValue(),
						published.has(name) ? published.get(name) : NullNode.getInstance());
			}
		}
	}

}
