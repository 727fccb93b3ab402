package cn.zonegis.ogc;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zonegis.ApiProblem;

import org.springframework.stereotype.Component;

/**
 * Every layer that the feature packages registered, by id, and the writer of each
 * editable one. A collection without a {@link FeatureWriter} is read-only.
 */
@Component
public class CollectionRegistry {

	private final Map<String, CollectionDef> byId = new LinkedHashMap<>();

	private final Map<String, FeatureWriter> writers = new LinkedHashMap<>();

	CollectionRegistry(List<CollectionDef> definitions, List<FeatureWriter> writers) {
		definitions.forEach((def) -> this.byId.put(def.id(), def));
		for (FeatureWriter writer : writers) {
			if (!this.byId.containsKey(writer.collectionId())) {
				throw new IllegalStateException(
						"a FeatureWriter edits unregistered collection " + writer.collectionId());
			}
			if (this.writers.put(writer.collectionId(), writer) != null) {
				throw new IllegalStateException("two FeatureWriters edit collection " + writer.collectionId());
			}
			if (!(writer instanceof FeatureRemover) && writer.deleteRefusal() == null) {
				throw new IllegalStateException(
						"the FeatureWriter of " + writer.collectionId() + " neither removes items nor says why not");
			}
		}
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

	/** The writer of an editable collection; empty when the collection is read-only. */
	public Optional<FeatureWriter> writer(String collectionId) {
		return Optional.ofNullable(this.writers.get(collectionId));
	}

}
