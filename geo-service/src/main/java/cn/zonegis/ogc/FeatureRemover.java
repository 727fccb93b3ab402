package cn.zonegis.ogc;

/**
 * Writes a collection whose items DELETE removes (OGC API - Features Part 4), by the
 * feature's own service: history and audit as through /api.
 */
public interface FeatureRemover extends FeatureWriter {

	/**
	 * Removes the item in one transaction.
	 * @param expectedVersion the version in If-Match, or null for a write without one
	 */
	void delete(long id, Integer expectedVersion);

}
