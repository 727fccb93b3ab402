package cn.zonegis.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One published layer: what the map, /api/{layer}, OGC API - Features and the tiles read. Each
 * feature package declares its own as beans; nothing outside the feature names its table.
 *
 * @param id collection id in URLs (parcels, pipes…)
 * @param titleZh Chinese title
 * @param titleEn English title
 * @param table table in schema zonegis
 * @param geometryType geometry type of the geom column (MultiPolygon, Point…)
 * @param properties published columns, in order
 * @param computed published values computed in SQL over alias {@code t}; {@code {measureSrid}}
 * stands for the measuring CRS
 * @param styleProperty the property the map styles by
 * @param searchColumns text columns that /api/search matches
 * @param minZoom lowest zoom at which the layer is drawn
 * @param maxZoom highest zoom with its own tiles
 */
public record CollectionDef(String id, String titleZh, String titleEn, String table, String geometryType,
		List<String> properties, Map<String, String> computed, String styleProperty, List<String> searchColumns,
		int minZoom, int maxZoom) {

	public static final String GEOMETRY_COLUMN = "geom";

	public static final String ID_COLUMN = "id";

	public CollectionDef {
		if (!table.matches("[a-z_]+") || !properties.stream().allMatch((p) -> p.matches("[a-z0-9_]+"))) {
			throw new IllegalArgumentException("collection " + id + " names an unsafe identifier");
		}
		computed = new LinkedHashMap<>(computed);
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

		public CollectionDef build() {
			return new CollectionDef(this.id, this.titleZh, this.titleEn, this.table, this.geometryType,
					this.properties, this.computed, this.styleProperty, this.searchColumns, this.minZoom, this.maxZoom);
		}

	}

}
