package cn.zonegis.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.zonegis.geo.BBox;
import cn.zonegis.geo.SridSql;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;

/**
 * SQL of an import staged in the database: GDAL's COPY rows of each layer go, unparsed by
 * Java, into a temporary table of the import's own transaction, then into one table of
 * features with the parcel attributes picked out, where the boundaries are checked as a
 * set and handed to the land rules. A temporary table, not an unlogged one: it needs no
 * name of its own, no clean-up after a crash, and no other session can see it.
 */
@Repository
class ImportStaging {

	/** A quoted identifier as GDAL writes it ("" inside for "). */
	private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]|\"\")*)\"");

	private static final String END_OF_ROWS = "\\.";

	/** Features copied between two progress reports. */
	private static final int PROGRESS_STEP = 1000;

	private static final String DROP = "DROP TABLE IF EXISTS pg_temp.import_feature";

	private static final String CREATE = """
			CREATE TEMP TABLE import_feature (
				idx integer PRIMARY KEY, code text, name text, land_use text, land_class_code text, holder text,
				surveyed_area_m2 numeric, note text, version integer, source jsonb, geom geometry
			) ON COMMIT DROP
			""";

	/**
	 * The boundary of a COPY row, computed by PostgreSQL as the row arrives, while GDAL
	 * goes on converting: reprojected when GDAL left it in its own CRS (a no-op for one
	 * in EPSG:4490) and rounded to 9 decimals (0.1 mm), as the GeoJSON the reader gets
	 * has it, so a file gives the same boundary by either path. Hex EWKB is read without
	 * PostGIS's ring checks, the text is read with them.
	 */
	private static final String BOUNDARY = """
			zg_boundary geometry GENERATED ALWAYS AS (ST_GeomFromText(ST_AsText(
				ST_Transform(ST_SetSRID(ST_GeomFromEWKB(decode(%s, 'hex')), %d), {storageSrid}), 9), {storageSrid})) STORED
			""";

	/**
	 * The attributes in {@link FieldMapping#sourceFields} order; source is every field of
	 * the row but the boundary, for the checks of {@link GdalSource#anyFieldProblem}. It
	 * is built from the fields by name: to_jsonb of the whole row would also write each
	 * boundary as GeoJSON only to drop it, a third of a 10,000-parcel import.
	 */
	private static final String FEATURES = """
			INSERT INTO import_feature (idx, code, name, land_use, land_class_code, holder, surveyed_area_m2, note,
				version, source, geom)
			SELECT :first + s.zg_ord - 1, %s, jsonb_object(CAST(:fieldNames AS text[]), ARRAY[%s]::text[]), s.zg_boundary
			FROM %s s
			""";

	/**
	 * Whether any feature is not plainly a valid lon/lat polygon inside the zone, with no
	 * height but zero: such a file goes to the reader, which names each defect, its part,
	 * ring and coordinate, in the planner's words.
	 */
	private static final String ANY_NEEDS_READER = """
			SELECT EXISTS (SELECT 1 FROM import_feature WHERE geom IS NULL
				OR GeometryType(geom) NOT IN ('POLYGON', 'MULTIPOLYGON') OR ST_IsEmpty(geom)
				OR ST_Zmflag(geom) NOT IN (0, 2) OR (ST_Zmflag(geom) = 2 AND (ST_ZMin(geom) <> 0 OR ST_ZMax(geom) <> 0))
				OR ST_XMin(geom) < :minLon OR ST_XMax(geom) > :maxLon OR ST_YMin(geom) < :minLat OR ST_YMax(geom) > :maxLat
				OR NOT ST_IsValid(geom))
			""";

	/** Into the land rules' draft table, in file order. */
	private static final String TO_DRAFTS = """
			INSERT INTO parcel_draft (idx, code, name, land_use, land_class_code, holder, surveyed_area_m2, note,
				version, geom)
			SELECT idx, code, name, land_use, land_class_code, holder, surveyed_area_m2, note, version,
				ST_Multi(ST_Force2D(geom))
			FROM import_feature ORDER BY idx
			""";

	private static final String LISTED = """
			SELECT idx, code, name, land_use, land_class_code, holder, surveyed_area_m2, note, version
			FROM import_feature ORDER BY idx
			""";

	private static final String SOURCES = "SELECT source FROM import_feature ORDER BY idx";

	/**
	 * The SQL types of the attributes that are not text: a value that is not one fails
	 * the staging, and the reader names it.
	 */
	private static final Map<String, String> NOT_TEXT = Map.of("surveyed_area_m2", "numeric", "version", "integer");

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final SridSql srids;

	private final JsonMapper json;

	ImportStaging(JdbcClient jdbc, DataSource dataSource, SridSql srids, JsonMapper json) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.srids = srids;
		this.json = json;
	}

	/** Opens this transaction's empty import_feature table. */
	void open() {
		this.jdbc.sql(DROP).update();
		this.jdbc.sql(CREATE).update();
	}

	/**
	 * Copies one layer's rows into the opened import_feature table, the parcel attributes
	 * taken from the source fields as the mapping says.
	 * @param layer the layer's place in the file, from 0
	 * @param rows GDAL's COPY rows of the layer, read as they come
	 * @param first the index of the layer's first feature in the file
	 * @param srid the EPSG code of the CRS the rows' boundaries are in
	 * @param copied told the running count of the file's features copied
	 * @return how many features the layer holds
	 */
	int stage(int layer, BufferedReader rows, FieldMapping fields, int first, int srid, IntConsumer copied)
			throws IOException {
		List<String> columns = columnsOf(rows);
		if (columns.isEmpty()) {
			// No feature: GDAL wrote no COPY.
			return 0;
		}
		String table = "import_layer_" + layer;
		String geometry = columns.contains(GdalRunner.COPY_GEOMETRY) ? quote(GdalRunner.COPY_GEOMETRY) : "NULL";
		this.jdbc
			.sql("CREATE TEMP TABLE " + table + " (zg_ord bigint GENERATED ALWAYS AS IDENTITY, "
					+ columns.stream().map((c) -> quote(c) + " text").collect(Collectors.joining(", ")) + ", "
					+ this.srids.render(BOUNDARY.formatted(geometry, srid)) + ") ON COMMIT DROP")
			.update();
		copy(table, columns, rows, first, copied);
		List<String> fieldNames = columns.stream().filter((c) -> !GdalRunner.COPY_GEOMETRY.equals(c)).toList();
		return this.jdbc
			.sql(FEATURES.formatted(attributes(fields, columns),
					fieldNames.stream().map((c) -> "s." + quote(c)).collect(Collectors.joining(", ")), table))
			.param("first", first)
			.param("fieldNames", fieldNames.toArray(String[]::new))
			.param("blank", Whitespace.CHARACTERS)
			.update();
	}

	/** See {@link #ANY_NEEDS_READER}. */
	boolean anyNeedsReader(BBox extent) {
		return this.jdbc.sql(ANY_NEEDS_READER)
			.param("minLon", extent.minLon())
			.param("minLat", extent.minLat())
			.param("maxLon", extent.maxLon())
			.param("maxLat", extent.maxLat())
			.query(Boolean.class)
			.single();
	}

	/** Fills the land rules' opened parcel_draft table with the staged features. */
	void toDrafts() {
		this.jdbc.sql(TO_DRAFTS).update();
	}

	/** The staged features' attributes, in file order, for the report. */
	List<SourceFeature> features() {
		return this.jdbc.sql(LISTED)
			.query((rs, row) -> new SourceFeature(rs.getInt("idx"), rs.getString("code"), rs.getString("name"),
					rs.getString("land_use"), rs.getString("land_class_code"), rs.getString("holder"),
					surveyedAreaM2(rs.getBigDecimal("surveyed_area_m2")), rs.getString("note"),
					rs.getObject("version", Integer.class), null, null, List.of(), List.of(), List.of()))
			.list();
	}

	private static Double surveyedAreaM2(BigDecimal area) {
		return (area == null) ? null : area.doubleValue();
	}

	/** Every staged feature's source fields, names to values, in file order. */
	List<JsonNode> sources() {
		return this.jdbc.sql(SOURCES).query((rs, row) -> this.json.readTree(rs.getString("source"))).list();
	}

	/**
	 * Each parcel attribute as the first of its source fields (present in the layer) with
	 * a value other than blanks, as the reader takes it: a text as the file holds it, a
	 * number without the blanks around it; NULL when none is present.
	 */
	private static String attributes(FieldMapping fields, List<String> columns) {
		List<String> expressions = new ArrayList<>();
		for (Map.Entry<String, List<String>> attribute : fields.sourceFields().entrySet()) {
			String type = NOT_TEXT.get(attribute.getKey());
			List<String> present = attribute.getValue()
				.stream()
				.filter(columns::contains)
				.map((c) -> "s." + quote(c))
				.map((c) -> (type == null) ? "CASE WHEN btrim(" + c + ", :blank) <> '' THEN " + c + " END"
						: "NULLIF(btrim(" + c + ", :blank), '')")
				.toList();
			String value = present.isEmpty() ? "NULL" : "COALESCE(" + String.join(", ", present) + ")";
			expressions.add((type == null) ? value : "CAST(" + value + " AS " + type + ")");
		}
		return String.join(", ", expressions);
	}

	/** The source fields named by the COPY line; the lines before it are skipped. */
	private static List<String> columnsOf(BufferedReader rows) throws IOException {
		for (String line = rows.readLine(); line != null; line = rows.readLine()) {
			if (line.startsWith("COPY ")) {
				Matcher m = QUOTED.matcher(line.substring(0, line.lastIndexOf(") FROM STDIN")));
				List<String> names = new ArrayList<>();
				while (m.find()) {
					names.add(m.group(1).replace("\"\"", "\""));
				}
				// The first two are the schema and the table.
				return names.subList(2, names.size());
			}
		}
		return List.of();
	}

	private void copy(String table, List<String> columns, BufferedReader rows, int before, IntConsumer copied)
			throws IOException {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			CopyIn in = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + table + " ("
						+ columns.stream().map(ImportStaging::quote).collect(Collectors.joining(", "))
						+ ") FROM STDIN");
			try {
				int count = 0;
				for (String line = rows.readLine(); line != null && !END_OF_ROWS.equals(line); line = rows.readLine()) {
					byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
					in.writeToCopy(bytes, 0, bytes.length);
					if (++count % PROGRESS_STEP == 0) {
						copied.accept(before + count);
					}
				}
				in.endCopy();
			}
			finally {
				// GDAL stopped or failed mid-way: the connection must leave COPY mode
				// for the transaction to roll back.
				if (in.isActive()) {
					in.cancelCopy();
				}
			}
		}
		catch (SQLException ex) {
			throw new UncategorizedSQLException("COPY", table, ex);
		}
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/**
	 * What Java's {@link String#strip} and {@link String#isBlank} count as blanks, for
	 * btrim: the reader counts them so.
	 */
	private static final class Whitespace {

		static final String CHARACTERS = characters();

		private static String characters() {
			StringBuilder all = new StringBuilder();
			for (char c = 0; c < Character.MAX_VALUE; c++) {
				if (Character.isWhitespace(c)) {
					all.append(c);
				}
			}
			return all.toString();
		}

	}

}
