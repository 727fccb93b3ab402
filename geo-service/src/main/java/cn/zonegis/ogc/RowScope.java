package cn.zonegis.ogc;

import java.util.Map;

/**
 * Which rows of a collection the user of the current request may read, for a collection
 * not every reader sees whole: a crew member sees their own crew's work orders only.
 * Every read of a collection starts from it ({@link SqlWhere#readableIn}): items, one
 * item, the map's view, search, document drawings and tiles.
 */
@FunctionalInterface
public interface RowScope {

	/** Every reader sees every row. */
	RowScope EVERY_ROW = () -> null;

	/** The current user's restriction, or null when they see every row. */
	Restriction current();

	/**
	 * @param key tells this restriction from every other one: tiles are cached per key
	 * @param condition SQL over alias {@code t}, written in code, with named parameters
	 * @param params the values of its parameters, none null
	 */
	record Restriction(String key, String condition, Map<String, Object> params) {
	}

}
