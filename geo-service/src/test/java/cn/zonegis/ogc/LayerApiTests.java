package cn.zonegis.ogc;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertBadParameter;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/{layer}: every layer as GeoJSON, filtered by bbox. */
class LayerApiTests extends IntegrationTest {

	@Test
	void everyDemoLayerIsListed() {
		Http.Response response = as("viewer").get("/api/layers");
		assertThat(response.status()).isEqualTo(200);
		List<String> ids = response.json().valueStream().map((layer) -> layer.get("id").asString()).toList();
		assertThat(ids).contains("parcels", "land_recoveries", "expansion_zones", "enterprises", "roads", "pipes",
				"wells", "streetlights", "cables", "projects", "work_orders", "crews");
	}

	@ParameterizedTest
	@ValueSource(strings = { "parcels", "land_recoveries", "expansion_zones", "enterprises", "roads", "pipes", "wells",
			"streetlights", "cables", "projects", "work_orders", "crews" })
	void everyLayerReadsAsAGeoJsonFeatureCollection(String layer) {
		Http.Response response = as("viewer").get("/api/" + layer);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/geo+json");
		JsonNode collection = response.json();
		assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(collection.get("features").size()).isPositive();
		JsonNode first = collection.get("features").get(0);
		assertThat(first.get("geometry").get("coordinates").isArray()).isTrue();
		assertThat(first.get("geometry").has("crs")).as("RFC 7946 has no crs member").isFalse();
		assertThat(first.get("id").isNumber()).isTrue();
	}

	@Test
	void bboxReturnsExactlyTheFeaturesThatIntersectIt() {
		String bbox = "122.03,37.17,122.06,37.20";
		Set<Long> expected = new HashSet<>(this.jdbc
			.sql("""
					SELECT id FROM zonegis.parcel WHERE ST_Intersects(geom, ST_MakeEnvelope(122.03, 37.17, 122.06, 37.20, 4490))
					""")
			.query(Long.class)
			.list());
		Set<Long> returned = new HashSet<>();
		as("viewer").get("/api/parcels?bbox=" + bbox)
			.json()
			.get("features")
			.forEach((feature) -> returned.add(feature.get("id").asLong()));
		long total = rowCount("parcel");
		assertThat(expected).isNotEmpty();
		assertThat(expected.size()).isLessThan((int) total);
		assertThat(returned).isEqualTo(expected);
	}

	@Test
	void parcelsCarryTheirOfficialAreaInSquareMetresMuAndHectares() {
		JsonNode properties = as("viewer").get("/api/parcels").json().get("features").get(0).get("properties");
		double areaM2 = properties.get("area_m2").asDouble();
		assertThat(areaM2).isPositive();
		assertThat(properties.get("area_mu").asDouble()).isCloseTo(areaM2 * 15 / 10000,
				org.assertj.core.data.Offset.offset(0.001));
		assertThat(properties.get("area_ha").asDouble()).isCloseTo(areaM2 / 10000,
				org.assertj.core.data.Offset.offset(0.0001));
	}

	@Test
	void searchFindsAParcelByCodeAndAnEnterpriseByName() {
		String code = this.jdbc.sql("SELECT code FROM zonegis.parcel ORDER BY id LIMIT 1").query(String.class).single();
		JsonNode hits = as("viewer").get("/api/search?q=" + code).json();
		assertThat(hits.valueStream()
			.anyMatch((hit) -> "parcels".equals(hit.get("layer").asString())
					&& hit.get("label").asString().contains(code)))
			.isTrue();
		String enterprise = this.jdbc.sql("SELECT name FROM zonegis.enterprise ORDER BY id LIMIT 1")
			.query(String.class)
			.single();
		JsonNode enterpriseHits = as("viewer")
			.get("/api/search?q=" + java.net.URLEncoder.encode(enterprise, java.nio.charset.StandardCharsets.UTF_8))
			.json();
		assertThat(enterpriseHits.valueStream().anyMatch((hit) -> "enterprises".equals(hit.get("layer").asString())))
			.isTrue();
	}

	@Nested
	class Refused {

		@ParameterizedTest
		@ValueSource(
				strings = { "1,2,3", "a,b,c,d", "122.1,37.2,122.0,37.1", "0,0,200,10", "1;DROP TABLE parcel,2,3,4" })
		void aMalformedBboxIsABadRequestNamingTheParameter(String bbox) {
			Http.Response response = as("viewer")
				.get("/api/parcels?bbox=" + java.net.URLEncoder.encode(bbox, java.nio.charset.StandardCharsets.UTF_8));
			assertBadParameter(response, "bbox");
			assertThat(response.json().get("detail").asString()).contains("bbox");
		}

		@Test
		void anUnknownLayerIsNotFound() {
			Http.Response response = as("viewer").get("/api/no_such_layer");
			assertProblem(response, 404);
		}

		@Test
		void anIdLikeSqlIsNotFoundNotAnError() {
			Http.Response response = as("viewer").get("/api/parcels;DROP");
			assertThat(response.status()).isBetween(400, 404);
		}

		@Test
		void problemsSpeakEnglishWhenAsked() {
			Http.Response response = as("viewer").get("/api/parcels?bbox=x", java.util.Map.of("Accept-Language", "en"));
			assertThat(response.json().get("detail").asString()).startsWith("Parameter bbox must be four numbers");
		}

	}

}
