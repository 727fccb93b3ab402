package cn.zonegis.ogc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertBadParameter;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OGC API - Features Part 3: CQL2 filters over HTTP against the real tables, and
 * queryables.
 */
class OgcFilterTests extends IntegrationTest {

	private JsonNode items(String collection, String query) {
		Http.Response response = as("viewer").get("/ogc/collections/" + collection + "/items?limit=10000&" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static String filter(String cql) {
		return "filter=" + URLEncoder.encode(cql, StandardCharsets.UTF_8);
	}

	@Test
	void aTextFilterCombiningComparisonLikeAndInSelectsWhatPostgresSelects() {
		String name = "cql-" + UUID.randomUUID();
		double[] spot = OgcFixtures.freeSpot();
		long id = OgcFixtures.parcel(this.jdbc, name, spot[0], spot[1], "2026-01-01T00:00:00Z");
		OgcFixtures.parcel(this.jdbc, name + "-other", spot[0] + 0.001, spot[1], "2026-01-01T00:00:00Z");
		String cql = "name LIKE '" + name + "%' AND status IN ('planned', 'filed') AND NOT name LIKE '%other'";
		assertThat(OgcCoreTests.ids(items("parcels", filter(cql)))).containsExactly(id);
	}

	@Test
	void aComputedPropertyCanBeFiltered() {
		long expected = this.jdbc.sql("""
				SELECT count(*) FROM zonegis.parcel t WHERE ST_Area(ST_Transform(t.geom, 4550)) > 10000
				""").query(Long.class).single();
		JsonNode body = items("parcels", filter("area_m2 > 10000"));
		assertThat(body.get("numberMatched").asLong()).isEqualTo(expected);
	}

	@Test
	void spatialFunctionsSelectByPointAndByBboxInTheFilterCrs() {
		double[] spot = OgcFixtures.freeSpot();
		long id = OgcFixtures.parcel(this.jdbc, "spatial", spot[0], spot[1], "2026-01-01T00:00:00Z");
		assertThat(OgcCoreTests
			.ids(items("parcels", filter("S_INTERSECTS(geometry, POINT(" + spot[0] + " " + spot[1] + "))"))))
			.contains(id);
		double h = 0.001;
		String latLonBox = "BBOX(" + (spot[1] - h) + ", " + (spot[0] - h) + ", " + (spot[1] + h) + ", " + (spot[0] + h)
				+ ")";
		JsonNode within = items("parcels", filter("S_WITHIN(geometry, " + latLonBox + ")")
				+ "&filter-crs=http://www.opengis.net/def/crs/EPSG/0/4326");
		assertThat(OgcCoreTests.ids(within)).contains(id);
		JsonNode disjoint = items("parcels", filter("S_DISJOINT(geometry, POINT(" + spot[0] + " " + spot[1] + "))"));
		assertThat(OgcCoreTests.ids(disjoint)).doesNotContain(id);
	}

	@Test
	void aJsonFilterSelectsLikeItsTextTwin() {
		String name = "json-" + UUID.randomUUID();
		double[] spot = OgcFixtures.freeSpot();
		long id = OgcFixtures.parcel(this.jdbc, name, spot[0], spot[1], "2024-05-01T00:00:00Z");
		String json = """
				{"op": "and", "args": [
					{"op": "=", "args": [{"property": "name"}, "%s"]},
					{"op": "t_before", "args": [{"property": "updated_at"}, {"timestamp": "2025-01-01T00:00:00Z"}]}
				]}""".formatted(name);
		assertThat(OgcCoreTests.ids(items("parcels", filter(json) + "&filter-lang=cql2-json"))).containsExactly(id);
	}

	@Test
	void temporalFunctionsSelectByInterval() {
		String name = "t-" + UUID.randomUUID();
		double[] spot = OgcFixtures.freeSpot();
		long old = OgcFixtures.parcel(this.jdbc, name, spot[0], spot[1], "2019-05-01T00:00:00Z");
		long recent = OgcFixtures.parcel(this.jdbc, name, spot[0] + 0.001, spot[1], "2025-05-01T00:00:00Z");
		String byName = "name = '" + name + "' AND ";
		assertThat(OgcCoreTests
			.ids(items("parcels", filter(byName + "T_DURING(updated_at, INTERVAL('2025-01-01', '..'))"))))
			.containsExactly(recent);
		assertThat(OgcCoreTests.ids(items("parcels", filter(byName + "T_AFTER(updated_at, DATE('2020-01-01'))"))))
			.containsExactly(recent);
		assertThat(OgcCoreTests
			.ids(items("parcels", filter(byName + "T_INTERSECTS(updated_at, INTERVAL('..', '2019-12-31'))"))))
			.containsExactly(old);
	}

	@Test
	void queryablesAreAJsonSchemaOfThePublishedProperties() {
		Http.Response response = as("viewer").get("/ogc/collections/parcels/queryables");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/schema+json");
		JsonNode properties = response.json().get("properties");
		assertThat(properties.get("geometry").get("format").asString()).isEqualTo("geometry-multipolygon");
		assertThat(properties.get("status").get("type").asString()).isEqualTo("string");
		assertThat(properties.get("area_m2").get("type").asString()).isEqualTo("number");
		assertThat(properties.get("updated_at").get("format").asString()).isEqualTo("date-time");
	}

	@Nested
	class Refused {

		@Test
		void anUnknownPropertyIsABadRequestNamingIt() {
			Http.Response response = as("viewer").get("/ogc/collections/parcels/items?" + filter("owner = 'x'"));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("property").asString()).isEqualTo("owner");
			assertThat(response.json().get("detail").asString()).contains("owner");
		}

		@Test
		void anInjectionAttemptMatchesNothingAndDropsNothing() {
			JsonNode body = items("parcels", filter("name = 'x'' OR 1=1 --'"));
			assertThat(body.get("numberMatched").asLong()).isZero();
			Http.Response quoted = as("viewer")
				.get("/ogc/collections/parcels/items?" + filter("\"name\"\"; DROP TABLE zonegis.parcel; --\" = 'x'"));
			assertThat(quoted.status()).isEqualTo(400);
			assertThat(this.jdbc().sql("SELECT count(*) FROM zonegis.parcel").query(Long.class).single()).isPositive();
		}

		@Test
		void aMalformedFilterIsABadRequestSayingWhere() {
			Http.Response response = as("viewer").get("/ogc/collections/parcels/items?" + filter("status = 'open"));
			assertBadParameter(response, "filter");
			assertThat(response.json().get("type").asString()).endsWith("/invalid-filter");
		}

		@Test
		void aMalformedJsonGeometryIsABadRequestQuotingThePosition() {
			JsonNode problem = refusedPolygon(
					"[[122.05, 37.19], [122.06, 37.19], [122.06, \"north\"], [122.05, 37.19]]");
			assertThat(problem.get("detail").asString()).contains("[122.06,\"north\"]");
		}

		@Test
		void anUnclosedJsonPolygonIsABadRequestSayingSo() {
			JsonNode problem = refusedPolygon("[[122.05, 37.19], [122.06, 37.19], [122.06, 37.2], [122.05, 37.2]]");
			assertThat(problem.get("detail").asString()).contains("closed");
		}

		/**
		 * The problem answering a cql2-json filter intersecting a polygon of that ring.
		 */
		private JsonNode refusedPolygon(String ring) {
			String json = """
					{"op": "s_intersects", "args": [{"property": "geometry"},
						{"type": "Polygon", "coordinates": [%s]}]}""".formatted(ring);
			Http.Response response = as("viewer")
				.get("/ogc/collections/parcels/items?" + filter(json) + "&filter-lang=cql2-json");
			assertProblem(response, 400, "invalid-filter");
			assertThat(response.json().get("parameter").asString()).isEqualTo("filter");
			return response.json();
		}

		@Test
		void aWktGeometryPostgisWouldRefuseIsABadRequestSayingWhy() {
			String threePointRing = "(0 0, 1 1, 0 0)";
			String square = "(0 0, 10 0, 10 10, 0 10, 0 0)";
			for (String cql : new String[] { "S_INTERSECTS(geometry, POLYGON(" + threePointRing + "))",
					"S_INTERSECTS(geometry, MULTIPOLYGON((" + threePointRing + ")))",
					"S_INTERSECTS(geometry, POLYGON(" + square + ", " + threePointRing + "))",
					"S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT(1 1), POLYGON(" + threePointRing + ")))",
					"S_CROSSES(geometry, POLYGON(" + threePointRing + "))" }) {
				Http.Response response = as("viewer").get("/ogc/collections/parcels/items?" + filter(cql));
				assertProblem(response, 400, "invalid-filter");
				assertThat(response.json().get("detail").asString()).as(cql)
					.contains("ring starting at 0.0 0.0 has 3 points");
			}
		}

		@Test
		void aRingTouchingItselfThatPostgisCannotRelateIsABadRequestNotAServerError() {
			double[] spot = OgcFixtures.freeSpot();
			double h = OgcFixtures.HALF_SIDE;
			double[] x = { spot[0] - h, spot[0], spot[0] + h };
			double[] y = { spot[1] - h, spot[1], spot[1] + h };
			long id = OgcFixtures.parcel(OgcFilterTests.this.jdbc, "geos", spot[0], spot[1], "2026-01-01T00:00:00Z");
			// Not a rectangle, which PostGIS would relate without GEOS's full check.
			String triangle = "POLYGON((%s %s, %s %s, %s %s, %s %s))".formatted(x[0], y[0], x[2], y[0], x[2], y[2],
					x[0], y[0]);
			OgcFilterTests.this.jdbc
				.sql("UPDATE zonegis.parcel SET geom = ST_Multi(ST_GeomFromText(:wkt, 4490)) WHERE id = :id")
				.param("wkt", triangle)
				.param("id", id)
				.update();
			// EPSG:4490 is latitude first; no transformation, so the shared corner stays
			// exact.
			String ring = "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s, %s %s, %s %s, %s %s))".formatted(y[0], x[0],
					y[0], x[2], y[2], x[2], y[2], x[0], y[0], x[0], y[0], x[1], y[1], x[1], y[0], x[0]);
			String query = "/ogc/collections/parcels/items?" + filter("S_INTERSECTS(geometry, " + ring + ")")
					+ "&filter-crs=http://www.opengis.net/def/crs/EPSG/0/4490";
			for (String path : new String[] { query, query + "&count=exact" }) {
				Http.Response response = as("viewer").get(path);
				assertProblem(response, 400, "invalid-filter");
				assertThat(response.json().get("parameter").asString()).isEqualTo("filter");
			}
		}

		@Test
		void aJsonOperationWithoutItsOperandsIsABadRequestSayingWhich() {
			String inNothing = """
					{"op": "in", "args": [{"property": "name"}, []]}""";
			assertThat(refusedJson(inNothing).get("detail").asString()).contains("in needs at least one value");
			for (String op : new String[] { "and", "or" }) {
				String empty = """
						{"op": "%s", "args": []}""".formatted(op);
				assertThat(refusedJson(empty).get("detail").asString()).contains(op + " takes at least 2 arguments");
				String negated = """
						{"op": "not", "args": [{"op": "%s", "args": []}]}""".formatted(op);
				assertThat(refusedJson(negated).get("detail").asString()).contains(op + " takes at least 2 arguments");
			}
		}

		@Test
		void aLikePatternEndingInALoneBackslashIsABadRequestNotAConflict() {
			Http.Response text = as("viewer").get("/ogc/collections/parcels/items?" + filter("name LIKE 'a\\'"));
			assertProblem(text, 400, "invalid-filter");
			assertThat(text.json().get("detail").asString()).contains("'a\\'", "escape character");
			refusedJson("""
					{"op": "like", "args": [{"property": "name"}, "a\\\\"]}""");
			assertThat(items("parcels", filter("name LIKE 'a\\\\'")).get("numberMatched").asLong()).isZero();
		}

		/** The problem answering a cql2-json filter, a 400 invalid-filter. */
		private JsonNode refusedJson(String json) {
			Http.Response response = as("viewer")
				.get("/ogc/collections/parcels/items?" + filter(json) + "&filter-lang=cql2-json");
			assertProblem(response, 400, "invalid-filter");
			return response.json();
		}

		@Test
		void anUnknownFilterLanguageIsABadRequest() {
			assertBadParameter(as("viewer").get("/ogc/collections/parcels/items?filter=a&filter-lang=sql"),
					"filter-lang");
		}

		@Test
		void aValueOfTheWrongTypeIsABadRequest() {
			Http.Response response = as("viewer").get("/ogc/collections/parcels/items?" + filter("area_m2 > 'big'"));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("property").asString()).isEqualTo("area_m2");
		}

		private org.springframework.jdbc.core.simple.JdbcClient jdbc() {
			return OgcFilterTests.this.jdbc;
		}

	}

}
