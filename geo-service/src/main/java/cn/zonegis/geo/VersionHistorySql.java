package cn.zonegis.geo;

/**
 * SQL for a table of replaced and deleted versions: one row a version, with its
 * attributes as jsonb, its geometry, when it was valid, who changed it, who replaced it
 * and how ('update' or 'delete'). Assets and land layers keep such tables, each for
 * several source tables told apart by a key column (the kind, the layer). The source row
 * is read over alias {@code t}; the caller binds {@code :key}, {@code :id}, and for an
 * archive {@code :user} and {@code :change}.
 *
 * @param table the history table
 * @param keyColumn its column naming the source table
 * @param idColumn its column holding the source row's id
 */
public record VersionHistorySql(String table, String keyColumn, String idColumn) {

	private static final String ARCHIVE = """
			INSERT INTO zonegis.%1$s (%2$s, %3$s, version, attributes, geom, valid_from, valid_to, changed_by,
				replaced_by, change)
			SELECT :key, t.id, t.version, %4$s, t.geom, t.updated_at, now(), t.updated_by, :user, :change
			FROM zonegis.%5$s t WHERE t.id = :id
			""";

	/**
	 * Every version, newest first: the current row (valid_to null) and the replaced ones.
	 */
	private static final String VERSIONS = """
			SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
				'type', 'Feature', 'id', v.version, 'geometry', ST_AsGeoJSON(v.geom, %6$d, 0)::json,
				'properties', v.attributes || jsonb_build_object('version', v.version, 'valid_from', v.valid_from,
					'valid_to', v.valid_to, 'changed_by', v.changed_by, 'replaced_by', v.replaced_by, 'change', v.change))
				ORDER BY v.version DESC), '[]'::json))::text
			FROM (
				SELECT t.version, %4$s AS attributes, t.geom, t.updated_at AS valid_from, NULL::timestamptz AS valid_to,
					t.updated_by AS changed_by, NULL AS replaced_by, NULL AS change
				FROM zonegis.%5$s t WHERE t.id = :id
				UNION ALL
				SELECT h.version, h.attributes, h.geom, h.valid_from, h.valid_to, h.changed_by, h.replaced_by, h.change
				FROM zonegis.%1$s h WHERE h.%2$s = :key AND h.%3$s = :id
			) v
			""";

	/**
	 * Keeps the current row as history before it is replaced or deleted.
	 * @param attributes the row's attributes as the history keeps them, a jsonb
	 * expression over alias t
	 */
	public String archive(String sourceTable, String attributes) {
		return ARCHIVE.formatted(this.table, this.keyColumn, this.idColumn, attributes, sourceTable);
	}

	/**
	 * Every version of the row as a GeoJSON FeatureCollection (no features when it never
	 * existed), each with its version, validity, editors and change as properties.
	 * @param attributes as for {@link #archive}, for the current row
	 * @param decimals the coordinates' decimal places, as the feature's own reads
	 */
	public String versions(String sourceTable, String attributes, int decimals) {
		return VERSIONS.formatted(this.table, this.keyColumn, this.idColumn, attributes, sourceTable, decimals);
	}

}
