package cn.zonegis.demo;

import java.util.List;

import cn.zonegis.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo zone as loaded into PostGIS: what the issue promised a new user would see.
 * Other tests add rows of their own, so invariants are checked on the demo's rows
 * (created_by 'demo').
 */
class DemoZoneTests extends IntegrationTest {

	@Autowired
	private DemoZoneLoader loader;

	@ParameterizedTest
	@CsvSource({ "parcel, 60", "expansion_zone, 3", "enterprise, 30", "road, 15", "pipe, 150", "well, 120",
			"streetlight, 200", "project, 12", "land_recovery, 6", "crew, 4", "work_order, 40", "parcel_event, 200",
			"building, 60", "self_built_house, 40", "park_entry_review, 7", "work_quantity, 30" })
	void everyLayerHoldsAtLeastThePromisedRows(String table, int minimum) {
		long rows = rowCount(table);
		assertThat(rows).isGreaterThanOrEqualTo(minimum);
	}

	@Test
	void thereAreEightCableCircuitsCarryingTheLights() {
		long circuits = this.jdbc.sql("SELECT count(DISTINCT circuit) FROM zonegis.cable WHERE created_by = 'demo'")
			.query(Long.class)
			.single();
		long orphanLights = this.jdbc.sql(
				"SELECT count(*) FROM zonegis.streetlight s WHERE s.created_by = 'demo' AND NOT EXISTS (SELECT 1 FROM zonegis.cable c WHERE c.circuit = s.circuit)")
			.query(Long.class)
			.single();
		assertThat(circuits).isEqualTo(8);
		assertThat(orphanLights).isZero();
	}

	@Test
	void everyParcelStateAndWorkOrderStateIsRepresented() {
		assertThat(this.jdbc.sql("SELECT count(DISTINCT status) FROM zonegis.parcel").query(Long.class).single())
			.isEqualTo(7);
		assertThat(this.jdbc.sql("SELECT count(DISTINCT state) FROM zonegis.work_order").query(Long.class).single())
			.isEqualTo(8);
	}

	@Test
	void everyGeometryIsValid() {
		List<String> withGeometry = this.jdbc.sql(
				"SELECT f_table_name FROM geometry_columns WHERE f_table_schema = 'zonegis' AND f_geometry_column = 'geom'")
			.query(String.class)
			.list();
		for (String table : DemoZoneLoader.TABLES.stream().filter(withGeometry::contains).toList()) {
			long invalid = this.jdbc
				.sql("SELECT count(*) FROM zonegis." + table + " WHERE geom IS NOT NULL AND NOT ST_IsValid(geom)")
				.query(Long.class)
				.single();
			assertThat(invalid).as("invalid geometries in %s", table).isZero();
		}
	}

	@Test
	void noTwoActiveParcelsOverlap() {
		long overlaps = this.jdbc.sql("""
				SELECT count(*) FROM zonegis.parcel a JOIN zonegis.parcel b
				  ON a.id < b.id AND ST_Intersects(a.geom, b.geom)
				WHERE a.created_by = 'demo' AND b.created_by = 'demo'
				  AND a.status NOT IN ('recovered', 'cancelled') AND b.status NOT IN ('recovered', 'cancelled')
				  AND ST_Area(ST_Transform(ST_Intersection(a.geom, b.geom), 4550)) > 0.01
				""").query(Long.class).single();
		assertThat(overlaps).isZero();
	}

	@Test
	void everyPipeEndLiesOnAWell() {
		long loose = this.jdbc
			.sql("""
					SELECT count(*) FROM zonegis.pipe p, LATERAL (VALUES (ST_StartPoint(p.geom)), (ST_EndPoint(p.geom))) e(pt)
					WHERE p.created_by = 'demo' AND NOT EXISTS (SELECT 1 FROM zonegis.well w WHERE ST_DWithin(w.geom, e.pt, 1e-7))
					""")
			.query(Long.class)
			.single();
		assertThat(loose).isZero();
	}

	@Test
	void everyRegisteredLayerIsInsideTheZoneExtent() {
		long outside = this.jdbc.sql("""
				SELECT count(*) FROM zonegis.parcel
				WHERE NOT ST_Within(geom, ST_MakeEnvelope(121.90, 37.05, 122.20, 37.35, 4490))
				""").query(Long.class).single();
		assertThat(outside).isZero();
	}

	@Test
	void loadingTwiceAddsNothing() {
		long before = rowCount("parcel");
		int inserted = this.loader.loadAllTables();
		long after = rowCount("parcel");
		assertThat(inserted).isZero();
		assertThat(after).isEqualTo(before);
	}

	@Test
	void thereIsOneDemoUserPerRole() {
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM zonegis.app_user WHERE username IN ('viewer','planner','dispatcher','crew','admin')")
			.query(Long.class)
			.single()).isEqualTo(5);
	}

}
