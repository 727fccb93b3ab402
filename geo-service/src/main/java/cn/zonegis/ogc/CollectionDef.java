package cn.zonegis.ogc;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One published layer: what the map, /api/{layer}, OGC API - Features and the tiles read.
 * Each feature package declares its own as beans; nothing outside the feature names its
 * table.
 *
 * @param id collection id in URLs (parcels, pipes…)
 * @param titleZh Chinese title
 * @param titleEn English title
 * @param table table in schema zonegis
 * @param geometryType geometry type of the geom column (MultiPolygon, Point…)
 * @param properties published columns, in order
 * @param computed published values computed in SQL over alias {@code t};
 * {@code {measureSrid}} stands for the measuring CRS
 * @param styleProperty the property the map styles by
 * @param searchColumns text columns that /api/search matches
 * @param minZoom lowest zoom at which the layer is drawn
 * @param maxZoom highest zoom with its own tiles
 * @param temporalColumn the column that places a feature in time (the temporal extent and
 * the {@code datetime} parameter), or null when the collection has none
 * @param tileProperties the published properties carried in vector tiles besides the id:
 * what the map styles and labels by
 * @param readableRows which rows the current user may read
 */
public record CollectionDef(String id, String titleZh, String titleEn, String table, String geometryType,
		List<String> properties, Map<String, String> computed, String styleProperty, List<String> searchColumns,
		int minZoom, int maxZoom, String temporalColumn, List<String> tileProperties, RowScope readableRows) {

	/** Every editable table records when a row last changed (V1 schema). */
	public static final String DEFAULT_TEMPORAL_COLUMN = "updated_at";

	private static final String IDENTIFIER = "[a-z0-9_]+";

	public CollectionDef {
		if (!table.matches("[a-z_]+") || !properties.stream().allMatch((p) -> p.matches(IDENTIFIER))
				|| !computed.keySet().stream().allMatch((p) -> p.matches(IDENTIFIER))
				|| (temporalColumn != null && !temporalColumn.matches(IDENTIFIER))) {
			throw new IllegalArgumentException("collection " + id + " names an unsafe identifier");
		}
		computed = new LinkedHashMap<>(computed);
		if (tileProperties == null) {
			tileProperties = defaultTileProperties(styleProperty, searchColumns, properties, computed.keySet());
		}
		for (String property : tileProperties) {
			if (!properties.contains(property) && !computed.containsKey(property)) {
				throw new IllegalArgumentException("collection " + id + " tiles unpublished property " + property);
			}
		}
	}

	/**
	 * The style property and the first search column (a label), when they are published.
	 */
	private static List<String> defaultTileProperties(String styleProperty, List<String> searchColumns,
			List<String> properties, Set<String> computed) {
		Set<String> names = new LinkedHashSet<>();
		if (styleProperty != null) {
			names.add(styleProperty);
		}
		if (!searchColumns.isEmpty()) {
			names.add(searchColumns.get(0));
		}
		names.removeIf((name) -> !properties.contains(name) && !computed.contains(name));
		return List.copyOf(names);
	}

	public static Builder builder(String id, String table, String geometryType) {
		return new Builder(id, table, geometryType);
	}

	/** Builds a definition with defaults for the rarely changed parts. */
	public static final class Builder {

		private final String id;

		private final String table;

		private final String geometryType;

		private String titleZh;

		private String titleEn;

		private List<String> properties = List.of();

		private final Map<String, String> computed = new LinkedHashMap<>();

		private String styleProperty;

		private List<String> searchColumns = List.of();

		private int minZoom = 10;

		private int maxZoom = 20;

		private String temporalColumn = DEFAULT_TEMPORAL_COLUMN;

		private List<String> tileProperties;

		private RowScope readableRows = RowScope.EVERY_ROW;

		private Builder(String id, String table, String geometryType) {
			this.id = id;
			this.table = table;
			this.geometryType = geometryType;
		}

		public Builder titles(String zh, String en) {
			this.titleZh = zh;
			this.titleEn = en;
			return this;
		}

		public Builder properties(String... columns) {
			this.properties = List.of(columns);
			return this;
		}

		public Builder computed(String name, String sqlExpression) {
			this.computed.put(name, sqlExpression);
			return this;
		}

		public Builder styleBy(String property) {
			this.styleProperty = property;
			return this;
		}

		public Builder searchable(String... columns) {
			this.searchColumns = List.of(columns);
			return this;
		}

		public Builder zoom(int min, int max) {
			this.minZoom = min;
			this.maxZoom = max;
			return this;
		}

		/**
		 * The column that places a feature in time; null for a collection without one.
		 */
		public Builder temporal(String column) {
			this.temporalColumn = column;
			return this;
		}

		/**
		 * Properties carried in vector tiles; by default the style property and a label.
		 */
		public Builder tileProperties(String... names) {
			this.tileProperties = List.of(names);
			return this;
		}

		/** Which rows the current user may read; every row by default. */
		public Builder readableRows(RowScope scope) {
			this.readableRows = scope;
			return this;
		}

		public CollectionDef build() {
			return new CollectionDef(this.id, this.titleZh, this.titleEn, this.table, this.geometryType,
					this.properties, this.computed, this.styleProperty, this.searchColumns, this.minZoom, this.maxZoom,
					this.temporalColumn, this.tileProperties, this.readableRows);
		}

	}

}
