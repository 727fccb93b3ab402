package cn.zonegis.ogc;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zonegis.ApiProblem;

import org.springframework.stereotype.Component;

/** Every layer that the feature packages registered, by id. */
@Component
public class CollectionRegistry {

	private final Map<String, CollectionDef> byId = new LinkedHashMap<>();

	CollectionRegistry(List<CollectionDef> definitions) {
		definitions.forEach((def) -> this.byId.put(def.id(), def));
	}

	public Collection<CollectionDef> all() {
		return this.byId.values();
	}

	/** The collection with this id, or a 404 naming it. */
	public CollectionDef get(String id) {
		CollectionDef def = this.byId.get(id);
		if (def == null) {
			throw ApiProblem.notFound("problem.collection.unknown", id).with("collection", id);
		}
		return def;
	}

}
