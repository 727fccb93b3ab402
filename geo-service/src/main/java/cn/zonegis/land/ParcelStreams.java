package cn.zonegis.land;

import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import cn.zonegis.geo.BBox;
import cn.zonegis.geo.FeatureStream;
import cn.zonegis.geo.GeometryRepair;
import cn.zonegis.geo.MeasureSql;
import cn.zonegis.geo.SridSql;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Parcel reads that can be long (exports, the map as of a date), streamed row by row with
 * a fetch size by {@link FeatureStream}.
 */
@Repository
class ParcelStreams {

	private static final String PROPERTIES = """
			json_build_object('code', t.code, 'name', t.name, 'land_use', t.land_use,
				'land_class_code', t.land_class_code, 'holder', t.holder, 'status', t.status,
				'surveyed_area_m2', t.surveyed_area_m2, 'note', t.note, 'version', t.version, %s,
				'area_m2', %s, 'area_mu', %s, 'area_ha', %s)""";

	private static final String SELECTION = """
			SELECT json_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.geom, 9, 0)::json,
				'properties', %s)::text AS feature,
				t.id, t.code, t.name, t.land_use, t.land_class_code, t.holder, t.status, t.surveyed_area_m2, t.note,
				t.version, ST_Area(ST_Transform(t.geom, {measureSrid})) AS area_m2, %s
			FROM zonegis.parcel t
			WHERE %s
			ORDER BY t.id
			""";

	/**
	 * A parcel as it stood at :at: its current row when no version was replaced after
	 * :at, else the history row valid at :at. Created after :at means absent.
	 */
	private static final String AS_OF = """
			SELECT json_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.geom, 9, 0)::json,
				'properties', %s)::text
			FROM (
				SELECT p.id, p.code, p.name, p.land_use, p.land_class_code, p.holder, p.status, p.surveyed_area_m2,
					p.note, p.version, p.updated_at AS valid_from, NULL::timestamptz AS valid_to, p.geom
				FROM zonegis.parcel p
				WHERE p.created_at <= :at
					AND NOT EXISTS (SELECT 1 FROM zonegis.parcel_history h WHERE h.parcel_id = p.id AND h.valid_to > :at)
				UNION ALL
				SELECT h.parcel_id, h.code, h.name, h.land_use, h.land_class_code, h.holder, h.status,
					h.surveyed_area_m2, h.note, h.version, h.valid_from, h.valid_to, h.geom
				FROM zonegis.parcel_history h
				WHERE h.valid_from <= :at AND h.valid_to > :at
			) t
			WHERE %s
			ORDER BY t.id
			""";

	private static final String HISTORY = """
			SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(
				json_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.geom, 9, 0)::json,
					'properties', %s) ORDER BY t.version DESC), '[]'::json))::text
			FROM (
				SELECT p.id, p.code, p.name, p.land_use, p.land_class_code, p.holder, p.status, p.surveyed_area_m2,
					p.note, p.version, p.updated_at AS valid_from, NULL::timestamptz AS valid_to,
					p.updated_by AS changed_by, NULL::text AS replaced_by, p.geom
				FROM zonegis.parcel p WHERE p.id = :id
				UNION ALL
				SELECT h.parcel_id, h.code, h.name, h.land_use, h.land_class_code, h.holder, h.status,
					h.surveyed_area_m2, h.note, h.version, h.valid_from, h.valid_to, h.changed_by, h.replaced_by, h.geom
				FROM zonegis.parcel_history h WHERE h.parcel_id = :id
			) t
			""";

	private static final String VALIDITY = "'valid_from', t.valid_from, 'valid_to', t.valid_to";

	private final FeatureStream stream;

	private final SridSql srids;

	ParcelStreams(FeatureStream stream, SridSql srids) {
		this.stream = stream;
		this.srids = srids;
	}

	/** Writes the selected parcels as a GeoJSON FeatureCollection. */
	void writeSelection(ParcelSelection selection, OutputStream out) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		this.stream.writeCollection(selectionSql(selection, params), params, out);
	}

	/** Hands each selected parcel, geometry read from WKB, to the sink. */
	void forEachSelected(ParcelSelection selection, Consumer<ParcelRecord> sink) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		RowCallbackHandler each = (rs) -> sink.accept(
				new ParcelRecord(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("land_use"),
						rs.getString("land_class_code"), rs.getString("holder"), rs.getString("status"),
						rs.getBigDecimal("surveyed_area_m2"), rs.getString("note"), rs.getInt("version"),
						GeometryRepair.round(rs.getDouble("area_m2")), GeometryRepair.read(rs.getBytes("wkb"))));
		String sql = selectionSql(selection, params);
		this.stream.read((jdbc) -> {
			jdbc.query(sql, params, each);
			return null;
		});
	}

	/**
	 * Writes the parcels as they stood at the instant, optionally within a lon/lat box.
	 */
	void writeAsOf(OffsetDateTime at, BBox bbox, OutputStream out) {
		MapSqlParameterSource params = new MapSqlParameterSource("at", at);
		String where = (bbox == null) ? "true" : bboxFilter(bbox, params);
		this.stream.writeCollection(AS_OF.formatted(properties(VALIDITY), where), params, out);
	}

	/** Every version of a parcel, newest first, the current one with valid_to null. */
	String history(long id) {
		String sql = HISTORY
			.formatted(properties(VALIDITY + ", 'changed_by', t.changed_by, 'replaced_by', t.replaced_by"));
		return this.stream.read((jdbc) -> jdbc.queryForObject(sql, new MapSqlParameterSource("id", id), String.class));
	}

	private String selectionSql(ParcelSelection selection, MapSqlParameterSource params) {
		List<String> where = new ArrayList<>(List.of("true"));
		if (selection.ids() != null && !selection.ids().isEmpty()) {
			where.add("t.id IN (:ids)");
			params.addValue("ids", selection.ids());
		}
		if (selection.statuses() != null && !selection.statuses().isEmpty()) {
			where.add("t.status IN (:statuses)");
			params.addValue("statuses", selection.statuses());
		}
		if (selection.bbox() != null) {
			where.add(bboxFilter(selection.bbox(), params));
		}
		return this.srids.render(SELECTION.formatted(properties("'updated_at', t.updated_at"),
				"ST_AsBinary(t.geom) AS wkb", String.join(" AND ", where)));
	}

	/** Transform the query box, never the stored column, so the GiST index is used. */
	private static String bboxFilter(BBox bbox, MapSqlParameterSource params) {
		params.addValue("minLon", bbox.minLon())
			.addValue("minLat", bbox.minLat())
			.addValue("maxLon", bbox.maxLon())
			.addValue("maxLat", bbox.maxLat());
		return SridSql
			.storage("ST_Intersects(t.geom, ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, {storageSrid}))");
	}

	private String properties(String extra) {
		return this.srids
			.render(PROPERTIES.formatted(extra, MeasureSql.AREA_M2, MeasureSql.AREA_MU, MeasureSql.AREA_HA));
	}

}
