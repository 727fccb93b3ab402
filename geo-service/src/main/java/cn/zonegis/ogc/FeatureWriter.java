package cn.zonegis.ogc;

import tools.jackson.databind.JsonNode;

/**
 * Writes one editable collection. The feature's own service implements it, so an edit
 * through OGC API - Features Part 4 runs exactly the rules of /api (validation, topology,
 * lifecycle, history, audit). Each method is one transaction; a stale version is a 412,
 * and a null expected version (no If-Match) writes over whatever version is stored.
 */
public interface FeatureWriter {

	/** The id of the collection this writer edits, as in its {@link CollectionDef}. */
	String collectionId();

	/**
	 * @param feature a GeoJSON Feature in EPSG:4490 lon/lat
	 * @return the new feature's id
	 */
	long create(JsonNode feature);

	/**
	 * Replaces geometry and every property.
	 * @param expectedVersion the version in If-Match, or null for a write without one
	 */
	void replace(long id, JsonNode feature, Integer expectedVersion);

	/** Changes only the members present in the patch (JSON Merge Patch, RFC 7396). */
	void update(long id, JsonNode patch, Integer expectedVersion);

	/**
	 * For a collection whose items stay on record after they end (a parcel is cancelled
	 * through its lifecycle and stays in the register), the message key of the 405 that
	 * refuses DELETE, taking the item's id and saying how an item ends instead. Asked
	 * only of a writer that is no {@link FeatureRemover}; OPTIONS lists DELETE only for
	 * one that is, so QGIS offers a delete only then.
	 */
	default String deleteRefusal() {
		return null;
	}

}
