package cn.zonegis.ogc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** OGC API - Features Part 1: landing page, conformance, collections and items. */
class OgcCoreTests extends IntegrationTest {

	@Autowired
	private CollectionRegistry registry;

	@Test
	void landingPageLinksToTheApiConformanceAndCollections() {
		Http.Response response = as("viewer").get("/ogc");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		List<String> rels = response.json().get("links").valueStream().map((l) -> l.get("rel").asString()).toList();
		assertThat(rels).contains("self", "alternate", "service-desc", "conformance", "data");
		response.json().get("links").forEach((link) -> assertThat(link.has("type")).isTrue());
	}

	@Test
	void conformanceDeclaresCoreOas30HtmlGeoJsonCrsAndFilter() {
		List<String> classes = as("viewer").get("/ogc/conformance")
			.json()
			.get("conformsTo")
			.valueStream()
			.map(JsonNode::asString)
			.toList();
		assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
				"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
				"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
				"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
				"http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
	}

	@Test
	void collectionsListEveryRegisteredLayerWithItsExtentAndCrs() {
		double[] spot = OgcFixtures.freeSpot();
		OgcFixtures.parcel(this.jdbc, "extent", spot[0], spot[1], "2026-01-01T00:00:00Z");
		JsonNode body = as("viewer").get("/ogc/collections").json();
		List<String> ids = body.get("collections").valueStream().map((c) -> c.get("id").asString()).toList();
		assertThat(ids).containsExactlyElementsOf(this.registry.all().stream().map(CollectionDef::id).toList());
		JsonNode parcels = body.get("collections")
			.valueStream()
			.filter((c) -> "parcels".equals(c.get("id").asString()))
			.findFirst()
			.orElseThrow();
		JsonNode bbox = parcels.get("extent").get("spatial").get("bbox").get(0);
		assertThat(bbox.size()).isEqualTo(4);
		assertThat(parcels.get("extent").get("temporal").get("interval").get(0).size()).isEqualTo(2);
		assertThat(parcels.get("storageCrs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/4490");
		assertThat(parcels.get("crs").valueStream().map(JsonNode::asString)).contains(
				"http://www.opengis.net/def/crs/OGC/1.3/CRS84", "http://www.opengis.net/def/crs/EPSG/0/4326",
				"http://www.opengis.net/def/crs/EPSG/0/3857", "http://www.opengis.net/def/crs/EPSG/0/4550");
	}

	@Test
	void itemsArePagedWithNumberMatchedAndNextAndPrevLinks() {
		String name = "page-" + UUID.randomUUID();
		Set<Long> created = new HashSet<>();
		for (int i = 0; i < 3; i++) {
			double[] spot = OgcFixtures.freeSpot();
			created.add(OgcFixtures.parcel(this.jdbc, name, spot[0], spot[1], "2026-01-01T00:00:00Z"));
		}
		JsonNode first = as("viewer").get("/ogc/collections/parcels/items?limit=2&count=exact&name=" + name).json();
		assertThat(first.get("numberMatched").asLong()).isEqualTo(3);
		// Not asked for, the count is left out until the last page makes it known.
		assertThat(as("viewer").get("/ogc/collections/parcels/items?limit=2&name=" + name).json().has("numberMatched"))
			.isFalse();
		assertThat(first.get("numberReturned").asInt()).isEqualTo(2);
		assertThat(first.get("timeStamp").asString()).isNotBlank();
		String next = link(first, "next");
		assertThat(next).contains("offset=2").contains("name=" + name);
		JsonNode second = as("viewer").get(pathOf(next)).json();
		assertThat(second.get("numberReturned").asInt()).isEqualTo(1);
		assertThat(second.get("numberMatched").asLong()).isEqualTo(3);
		assertThat(link(second, "next")).isNull();
		assertThat(link(second, "prev")).contains("offset=0");
		Set<Long> returned = new HashSet<>();
		first.get("features").forEach((f) -> returned.add(f.get("id").asLong()));
		second.get("features").forEach((f) -> returned.add(f.get("id").asLong()));
		assertThat(returned).isEqualTo(created);
	}

	@Test
	void bboxSelectsExactlyTheIntersectingFeatures() {
		double[] spot = OgcFixtures.freeSpot();
		OgcFixtures.parcel(this.jdbc, "bbox", spot[0], spot[1], "2026-01-01T00:00:00Z");
		String bbox = OgcFixtures.bbox(spot[0], spot[1], 0.01);
		Set<Long> expected = new HashSet<>(this.jdbc.sql("""
				SELECT id FROM zonegis.parcel
				WHERE ST_Intersects(geom, ST_MakeEnvelope(:lon - 0.01, :lat - 0.01, :lon + 0.01, :lat + 0.01, 4490))
				""").param("lon", spot[0]).param("lat", spot[1]).query(Long.class).list());
		Set<Long> returned = ids(as("viewer").get("/ogc/collections/parcels/items?limit=10000&bbox=" + bbox).json());
		assertThat(returned).isNotEmpty().isEqualTo(expected);
	}

	@Test
	void aBboxAcrossTheAntimeridianIsTwoBoxes() {
		Http.Response pacific = as("viewer").get("/ogc/collections/parcels/items?bbox=177,65,-177,70");
		assertThat(pacific.status()).isEqualTo(200);
		assertThat(pacific.json().get("numberMatched").asLong()).isZero();
		double[] spot = OgcFixtures.freeSpot();
		long id = OgcFixtures.parcel(this.jdbc, "wrap", spot[0], spot[1], "2026-01-01T00:00:00Z");
		String aroundTheWorld = (spot[0] - 0.001) + "," + (spot[1] - 0.001) + "," + (spot[0] - 0.002) + ","
				+ (spot[1] + 0.001);
		assertThat(ids(as("viewer").get("/ogc/collections/parcels/items?limit=10000&bbox=" + aroundTheWorld).json()))
			.contains(id);
	}

	@Test
	void datetimeSelectsByInstantDayAndOpenInterval() {
		String name = "time-" + UUID.randomUUID();
		double[] spot = OgcFixtures.freeSpot();
		long early = OgcFixtures.parcel(this.jdbc, name, spot[0], spot[1], "2020-03-01T08:00:00Z");
		long late = OgcFixtures.parcel(this.jdbc, name, spot[0] + 0.001, spot[1], "2024-07-01T08:00:00Z");
		String items = "/ogc/collections/parcels/items?name=" + name + "&datetime=";
		assertThat(ids(as("viewer").get(items + "2020-03-01T08:00:00Z").json())).containsExactly(early);
		assertThat(ids(as("viewer").get(items + "2024-07-01").json())).containsExactly(late);
		assertThat(ids(as("viewer").get(items + "../2021-01-01T00:00:00Z").json())).containsExactly(early);
		assertThat(ids(as("viewer").get(items + "2021-01-01T00:00:00Z/..").json())).containsExactly(late);
		assertThat(ids(as("viewer").get(items + "2019-01-01/2025-01-01").json())).containsExactlyInAnyOrder(early,
				late);
	}

	@Test
	void aSingleItemCarriesItsVersionAsETagAndLinks() {
		double[] spot = OgcFixtures.freeSpot();
		long id = OgcFixtures.parcel(this.jdbc, "single", spot[0], spot[1], "2026-01-01T00:00:00Z");
		Http.Response response = as("viewer").get("/ogc/collections/parcels/items/" + id);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/geo+json");
		assertThat(response.header("ETag")).isEqualTo("\"1\"");
		assertThat(response.json().get("id").asLong()).isEqualTo(id);
		assertThat(response.json().get("properties").get("name").asString()).isEqualTo("single");
		assertThat(link(response.json(), "collection")).endsWith("/ogc/collections/parcels");
	}

	@Test
	void htmlIsServedOnRequestWithTheDataEscaped() {
		double[] spot = OgcFixtures.freeSpot();
		long id = OgcFixtures.parcel(this.jdbc, "<script>alert(1)</script>", spot[0], spot[1], "2026-01-01T00:00:00Z");
		Http.Response item = as("viewer").get("/ogc/collections/parcels/items/" + id + "?f=html");
		assertThat(item.contentType()).startsWith("text/html");
		assertThat(item.body()).doesNotContain("<script>").contains("&lt;script&gt;");
		Http.Response landing = as("viewer").get("/ogc", Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
		assertThat(landing.contentType()).startsWith("text/html");
		Http.Response page = as("viewer").get("/ogc/collections/parcels/items?limit=2&f=html");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("numberReturned");
	}

	static Set<Long> ids(JsonNode collection) {
		Set<Long> ids = new HashSet<>();
		collection.get("features").forEach((f) -> ids.add(f.get("id").asLong()));
		return ids;
	}

	static String link(JsonNode resource, String rel) {
		List<String> hrefs = new ArrayList<>();
		resource.get("links").forEach((l) -> {
			if (rel.equals(l.get("rel").asString())) {
				hrefs.add(l.get("href").asString());
			}
		});
		return hrefs.isEmpty() ? null : hrefs.get(0);
	}

	static String pathOf(String url) {
		return url.substring(url.indexOf("/ogc"));
	}

	@Nested
	class Refused {

		@ParameterizedTest
		@ValueSource(strings = { "999999999999", "abc", "1%20OR%201=1", "-1" })
		void anUnknownOrHostileItemIdIsNotFound(String id) {
			Http.Response response = as("viewer").get("/ogc/collections/parcels/items/" + id);
			assertProblem(response, 404);
		}

		@Test
		void anIdWithAStatementAfterASemicolonReadsNothing() {
			Http.Response response = as("viewer").get("/ogc/collections/parcels/items/1;DROP");
			assertThat(as("viewer").get("/ogc/collections/parcels/items/1%3BDROP").status()).isBetween(400, 404);
			assertThat(response.status()).isBetween(400, 404);
			assertThat(response.body()).doesNotContain("\"Feature\"");
		}

		@Test
		void anUnknownCollectionIsNotFound() {
			assertThat(as("viewer").get("/ogc/collections/no_such/items").status()).isEqualTo(404);
		}

		@ParameterizedTest
		@ValueSource(strings = { "limit=0", "limit=x", "offset=-1", "bbox=1,2,3", "bbox=0,0,200,10", "bbox=200,0,10,10",
				"bbox=0,10,1,5", "bbox=122,37,abc,122.1,37.3,xyz", "bbox=122,37,10,122.1,37.3,5", "datetime=yesterday",
				"datetime=2026-01-01/2025-01-01", "crs=", "bbox-crs=", "filter-crs=", "f=xml", "unknown=1",
				"status=planned&status=filed", "surveyed_area_m2=abc" })
		void aBadParameterIsABadRequestNamingIt(String query) {
			Http.Response response = as("viewer").get("/ogc/collections/parcels/items?" + query);
			assertProblem(response, 400);
			String parameter = query.substring(0, query.indexOf('='));
			JsonNode problem = response.json();
			assertThat(
					problem.has("parameter") ? problem.get("parameter").asString() : problem.get("property").asString())
				.isEqualTo(parameter);
		}

		@ParameterizedTest
		@ValueSource(strings = { "/ogc", "/ogc/conformance", "/ogc/api", "/ogc/collections", "/ogc/collections/parcels",
				"/ogc/collections/parcels/queryables", "/ogc/collections/parcels/items/1" })
		void anUnknownParameterIsABadRequestNamingItOnEveryResource(String path) {
			Http.Response response = as("viewer").get(path + "?f=json&foo=1");
			assertProblem(response, 400);
			assertThat(response.json().get("parameter").asString()).isEqualTo("foo");
		}

		@Test
		void aHugeLimitIsClampedToTheMaximum() {
			Http.Response response = as("viewer").get("/ogc/collections/parcels/items?limit=1000000");
			assertThat(response.status()).isEqualTo(200);
		}

		@Test
		void anAnonymousClientMustLogIn() {
			assertThat(anonymous().get("/ogc/collections").status()).isEqualTo(401);
		}

		@Test
		void aSqlLikePropertyValueIsOnlyAValue() {
			String value = URLEncoder.encode("x' OR '1'='1", StandardCharsets.UTF_8);
			JsonNode body = as("viewer").get("/ogc/collections/parcels/items?name=" + value).json();
			assertThat(body.get("numberMatched").asLong()).isZero();
		}

	}

}
