package cn.zonegis.asset;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.zonegis.ApiProblem;

/**
 * The infrastructure assets the maintenance office keeps: one entry per table. Everything
 * generic (CRUD, history, OGC writes, nearest search, the layer list) reads its table,
 * geometry type and editable columns from here, so a new kind of asset is one more entry.
 */
public enum AssetKind {

	ROAD("roads", "road", "MultiLineString", "name", null, AssetColumn.text("name").required(),
			AssetColumn.text("road_class").required().allowed("arterial", "secondary", "branch", "access"),
			AssetColumn.text("surface").defaultsTo("asphalt").allowed("asphalt", "concrete", "gravel", "paver"),
			AssetColumn.decimal("width_m", 6, 2)),

	PIPE("pipes", "pipe", "LineString", "code", null, AssetColumn.text("code").required().unique(),
			AssetColumn.text("kind").required().allowed("rain", "sewage", "water", "dedicated"),
			AssetColumn.reference("enterprise_id", "enterprise").requiredWhen("kind", "dedicated"),
			AssetColumn.integer("diameter_mm"), AssetColumn.text("material"),
			AssetColumn.reference("upstream_well_id", "well"), AssetColumn.reference("downstream_well_id", "well")),

	WELL("wells", "well", "Point", "code", "cover_state", AssetColumn.text("code").required().unique(),
			AssetColumn.text("kind").required().allowed("rain", "sewage", "inspection"),
			AssetColumn.text("cover_state").defaultsTo("intact").allowed("intact", "damaged", "missing"),
			AssetColumn.decimal("depth_m", 5, 2)),

	STREETLIGHT("streetlights", "streetlight", "Point", "code", "state", AssetColumn.text("code").required().unique(),
			AssetColumn.text("circuit").required(),
			AssetColumn.text("lamp_type").defaultsTo("led").allowed("led", "sodium", "solar"),
			AssetColumn.integer("power_w"),
			AssetColumn.text("state").defaultsTo("normal").allowed("normal", "faulty", "under_repair", "off")),

	CABLE("cables", "cable", "LineString", "code", "state", AssetColumn.text("code").required().unique(),
			AssetColumn.text("circuit").required(), AssetColumn.text("cable_type"),
			AssetColumn.text("state").defaultsTo("normal").allowed("normal", "faulty", "under_repair"));

	private final String collectionId;

	private final String table;

	private final String geometryType;

	private final String labelColumn;

	private final String stateColumn;

	private final List<AssetColumn> columns;

	AssetKind(String collectionId, String table, String geometryType, String labelColumn, String stateColumn,
			AssetColumn... columns) {
		this.collectionId = collectionId;
		this.table = table;
		this.geometryType = geometryType;
		this.labelColumn = labelColumn;
		this.stateColumn = stateColumn;
		this.columns = List.of(columns);
	}

	/**
	 * The kind named by its collection id (pipes) or its table (pipe, as in
	 * work_order.asset_type); anything else is a 404 naming it.
	 */
	public static AssetKind of(String name) {
		return Arrays.stream(values())
			.filter((k) -> k.collectionId.equals(name) || k.table.equals(name))
			.findFirst()
			.orElseThrow(() -> ApiProblem.notFound("asset.kind.unknown", String.valueOf(name)).with("kind", name));
	}

	/** Collection id in URLs and OGC API - Features. */
	public String collectionId() {
		return this.collectionId;
	}

	/** Table in schema zonegis, also the asset_type of a work order. */
	public String table() {
		return this.table;
	}

	public String geometryType() {
		return this.geometryType;
	}

	/** Whether the geometry has a length worth measuring. */
	public boolean linear() {
		return this.geometryType.contains("LineString");
	}

	String labelColumn() {
		return this.labelColumn;
	}

	/**
	 * The column a fault or a repair changes (state, or a well's cover_state), or null.
	 */
	String stateColumn() {
		return this.stateColumn;
	}

	List<AssetColumn> columns() {
		return this.columns;
	}

	/** The columns of every kind that point at a row of this kind (a pipe's wells). */
	List<Map.Entry<AssetKind, AssetColumn>> referencedBy() {
		return Arrays.stream(values())
			.flatMap((k) -> k.columns.stream()
				.filter((c) -> this.table.equals(c.references()))
				.map((c) -> Map.entry(k, c)))
			.toList();
	}

	AssetColumn column(String name) {
		return this.columns.stream().filter((c) -> c.name().equals(name)).findFirst().orElse(null);
	}

}
