package cn.zonegis.ogc;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.Race;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static cn.zonegis.Problems.assertBadParameter;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OGC API - Features Part 4 on an editable collection (streetlights, written by the asset
 * service's FeatureWriter) and on a read-only one.
 */
class OgcEditTests extends IntegrationTest {

	private static final String ITEMS = "/ogc/collections/streetlights/items";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> GEO_JSON = Map.of("Content-Type", "application/geo+json");

	@Autowired
	private CollectionRegistry registry;

	@Autowired
	private MeterRegistry meters;

	private static String streetlight(String code, String state, double lon, double lat) {
		return """
				{"type": "Feature", "geometry": {"type": "Point", "coordinates": [%s, %s]},
				 "properties": {"code": "%s", "circuit": "OGC-1", "state": "%s"}}
				""".formatted(lon, lat, code, state);
	}

	/** Creates a streetlight through POST and returns its item path. */
	private String create(String code) {
		Http.Response created = as("planner").send("POST", ITEMS, streetlight(code, "normal", 122.05, 37.19), GEO_JSON);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String location = created.header("Location");
		assertThat(location).contains(ITEMS + "/");
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		return location.substring(location.indexOf("/ogc"));
	}

	private static Map<String, String> ifMatch(String etag) {
		return Map.of("Content-Type", "application/geo+json", "If-Match", etag);
	}

	@Test
	void aCreatedItemIsReadBackAtItsLocationWithItsETag() {
		String code = "SL-" + UUID.randomUUID();
		String item = create(code);
		Http.Response read = as("viewer").get(item);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"1\"");
		assertThat(read.json().get("properties").get("code").asString()).isEqualTo(code);
	}

	@Test
	void replaceUpdateAndDeleteEachNeedTheCurrentETag() {
		String code = "SL-" + UUID.randomUUID();
		String item = create(code);
		Http.Response replaced = as("planner").send("PUT", item, streetlight(code, "faulty", 122.051, 37.191),
				ifMatch("\"1\""));
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(204);
		assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
		Http.Response patched = as("planner").send("PATCH", item, "{\"properties\": {\"state\": \"under_repair\"}}",
				Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"2\""));
		assertThat(patched.status()).as(patched.body()).isEqualTo(204);
		Http.Response read = as("viewer").get(item);
		assertThat(read.header("ETag")).isEqualTo("\"3\"");
		assertThat(read.json().get("properties").get("state").asString()).isEqualTo("under_repair");
		assertThat(read.json().get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(122.051);
		Http.Response deleted = as("planner").send("DELETE", item, null, Map.of("If-Match", "\"3\""));
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(as("viewer").get(item).status()).isEqualTo(404);
	}

	@Test
	void theCollectionExtentFollowsAnItemCreatedAndDeletedOutsideIt() {
		// Near the zone's south-west corner, where no other streetlight stands.
		double lon = 121.9002;
		double lat = 37.0502;
		assertThat(streetlightsCover(lon, lat)).isFalse();
		double missesBefore = extentMisses();
		Http.Response created = as("planner").send("POST", ITEMS,
				streetlight("SL-" + UUID.randomUUID(), "normal", lon, lat), GEO_JSON);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(streetlightsCover(lon, lat)).isTrue();
		String item = created.header("Location").substring(created.header("Location").indexOf("/ogc"));
		assertThat(as("planner").send("DELETE", item, null, Map.of("If-Match", "\"1\"")).status()).isEqualTo(204);
		assertThat(streetlightsCover(lon, lat)).isFalse();
		assertThat(extentMisses() - missesBefore).as("each edit makes the next read compute the extent again")
			.isEqualTo(2);
	}

	private double extentMisses() {
		return this.meters.get("cache.gets")
			.tag("cache", "ogc.extents")
			.tag("result", "miss")
			.functionCounter()
			.count();
	}

	private boolean streetlightsCover(double lon, double lat) {
		JsonNode bbox = as("viewer").get("/ogc/collections/streetlights")
			.json()
			.get("extent")
			.get("spatial")
			.get("bbox")
			.get(0);
		return bbox.get(0).asDouble() <= lon && lon <= bbox.get(2).asDouble() && bbox.get(1).asDouble() <= lat
				&& lat <= bbox.get(3).asDouble();
	}

	@Test
	void theSecondOfTwoEditsFromTheSameVersionIsAnsweredPreconditionFailed() {
		String code = "SL-" + UUID.randomUUID();
		String item = create(code);
		String etag = as("viewer").get(item).header("ETag");
		Http.Response first = as("planner").send("PUT", item, streetlight(code, "faulty", 122.05, 37.19),
				ifMatch(etag));
		assertThat(first.status()).isEqualTo(204);
		Http.Response lost = as("admin").send("PUT", item, streetlight(code, "off", 122.05, 37.19), ifMatch(etag));
		assertProblem(lost, 412);
		assertThat(as("viewer").get(item).json().get("properties").get("state").asString()).isEqualTo("faulty");
	}

	/**
	 * RFC 9110 §13.1.1: If-Match holds when any tag it lists is the current one; a list
	 * of stale tags alone still changes nothing.
	 */
	@Test
	void anIfMatchListHoldsWhenOneOfItsTagsIsCurrent() {
		String code = "SL-" + UUID.randomUUID();
		String item = create(code);
		Http.Response stale = as("planner").send("PATCH", item, "{\"properties\": {\"state\": \"off\"}}",
				Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"7\", \"9\""));
		assertProblem(stale, 412, "stale-version");
		assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(1);
		assertThat(as("viewer").get(item).json().get("properties").get("state").asString()).isEqualTo("normal");
		assertThat(as("viewer").get(item).header("ETag")).isEqualTo("\"1\"");

		Http.Response replaced = as("planner").send("PUT", item, streetlight(code, "faulty", 122.05, 37.19),
				ifMatch("\"9\", \"1\""));
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(204);
		assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
		Http.Response patched = as("planner").send("PATCH", item, "{\"properties\": {\"state\": \"off\"}}",
				Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"1\", \"2\""));
		assertThat(patched.status()).as(patched.body()).isEqualTo(204);
		assertThat(as("viewer").get(item).json().get("properties").get("state").asString()).isEqualTo("off");
		assertThat(as("planner").send("DELETE", item, null, Map.of("If-Match", "\"1\", \"2\"")).status())
			.isEqualTo(412);
		assertThat(as("planner").send("DELETE", item, null, Map.of("If-Match", "\"2\", \"3\"")).status())
			.isEqualTo(204);
		assertThat(as("viewer").get(item).status()).isEqualTo(404);
	}

	@Test
	void editsRacingFromOneETagLeaveOneWinner() {
		String code = "SL-" + UUID.randomUUID();
		String item = create(code);
		Http planner = as("planner");
		List<String> states = List.of("faulty", "off", "under_repair", "normal");

		List<Http.Response> responses = Race.run(8, (i) -> (i % 2 == 0)
				? planner.send("PUT", item, streetlight(code, states.get(i / 2), 122.05, 37.19), ifMatch("\"1\""))
				: planner.send("PATCH", item, "{\"properties\": {\"state\": \"%s\"}}".formatted(states.get(i / 2)),
						Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"1\"")));

		assertThat(responses).filteredOn((r) -> r.status() == 204).hasSize(1);
		assertThat(responses).filteredOn((r) -> r.status() != 204).hasSize(7).allSatisfy((r) -> {
			assertProblem(r, 412);
		});
		assertThat(as("viewer").get(item).header("ETag")).isEqualTo("\"2\"");
		// Gone again, so the zone's middle holds no more lights than before for the
		// nearest-asset tests.
		assertThat(planner.send("DELETE", item, null, Map.of("If-Match", "\"2\"")).status()).isEqualTo(204);
	}

	@Test
	void aParcelsReadOnlyPropertiesMayBeSentBackUnchangedButNeverChanged() {
		double[] spot = OgcFixtures.freeSpot();
		String item = "/ogc/collections/parcels/items/"
				+ OgcFixtures.parcel(this.jdbc, "read-only", spot[0], spot[1], "2026-01-01T00:00:00Z");
		JsonNode read = as("planner").get(item).json();
		Map<String, String> mergePatch = Map.of("Content-Type", "application/merge-patch+json");

		Http.Response patched = as("planner").send("PATCH", item,
				"{\"properties\":{\"status\":\"transferred\",\"area_m2\":1}}", mergePatch);
		assertProblem(patched, 422, "read-only-property");
		assertThat(patched.json().get("property").asString()).isEqualTo("status");
		ObjectNode whole = (ObjectNode) read.deepCopy();
		whole.remove("links");
		((ObjectNode) whole.get("properties")).put("area_m2", 1);
		Http.Response replaced = as("planner").send("PUT", item, whole.toString(), GEO_JSON);
		assertProblem(replaced, 422, "read-only-property");
		assertThat(replaced.json().get("property").asString()).isEqualTo("area_m2");
		assertThat(as("planner").get(item).json().get("properties").get("status").asString()).isEqualTo("planned");

		// What a GIS client read comes back unchanged with the edit.
		String echoed = "{\"properties\":{\"name\":\"echoed\",\"status\":%s,\"area_m2\":%s}}"
			.formatted(read.get("properties").get("status"), read.get("properties").get("area_m2"));
		Http.Response echo = as("planner").send("PATCH", item, echoed, mergePatch);
		assertThat(echo.status()).as(echo.body()).isEqualTo(204);
	}

	@Test
	void aParcelNotePatchedThroughOgcIsReadBackAsSentBlanksAndLineBreaksIncluded() {
		double[] spot = OgcFixtures.freeSpot();
		String item = "/ogc/collections/parcels/items/"
				+ OgcFixtures.parcel(this.jdbc, "note", spot[0], spot[1], "2026-01-01T00:00:00Z");
		String note = "  东界以围墙为准\n\n\t待补测  ";
		Http.Response patched = as("planner").send("PATCH", item,
				"{\"properties\":{\"note\":" + JSON.writeValueAsString(note) + "}}",
				Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"1\""));
		assertThat(patched.status()).as(patched.body()).isEqualTo(204);
		assertThat(as("viewer").get(item).json().at("/properties/note").asString()).isEqualTo(note);
	}

	@Test
	void conformanceDeclaresPart4OnceACollectionIsEditable() {
		assertThat(as("viewer").get("/ogc/conformance").body())
			.contains("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete");
	}

	@Nested
	class Refused {

		@Test
		void aViewerMayNotWrite() {
			Http.Response response = as("viewer").send("POST", ITEMS,
					streetlight("SL-" + UUID.randomUUID(), "normal", 122.05, 37.19), GEO_JSON);
			assertThat(response.status()).isEqualTo(403);
		}

		@Test
		void aCollectionWithoutAWriterIsReadOnlyAndSaysWhatItAllows() {
			String readOnly = OgcEditTests.this.readOnlyCollection();
			Http.Response response = as("admin").send("POST", "/ogc/collections/" + readOnly + "/items",
					streetlight("x", "normal", 122.05, 37.19), GEO_JSON);
			assertProblem(response, 405);
			assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
			Http.Response delete = as("admin").send("DELETE", "/ogc/collections/" + readOnly + "/items/1", null,
					Map.of());
			assertProblem(delete, 405);
			assertThat(delete.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
		}

		@Test
		void aNameWithBlanksAroundItIsRefusedOnPostPutAndPatchAndChangesNothing() {
			String name = "东区地块-" + UUID.randomUUID();
			double[] spot = OgcFixtures.freeSpot();
			String item = "/ogc/collections/parcels/items/"
					+ OgcFixtures.parcel(OgcEditTests.this.jdbc, name, spot[0], spot[1], "2026-01-01T00:00:00Z");
			ObjectNode read = (ObjectNode) as("planner").get(item).json();
			read.remove("links");
			ObjectNode replaced = read.deepCopy();
			((ObjectNode) replaced.get("properties")).put("name", name + " ");
			ObjectNode posted = JSON.createObjectNode().put("type", "Feature");
			posted.set("geometry", read.get("geometry"));
			posted.putObject("properties").put("code", "T-" + UUID.randomUUID()).put("name", "\t" + name);

			List<Http.Response> refused = List.of(
					as("planner").send("POST", "/ogc/collections/parcels/items", posted.toString(), GEO_JSON),
					as("planner").send("PUT", item, replaced.toString(), ifMatch("\"1\"")),
					as("planner").send("PATCH", item, "{\"properties\":{\"name\":\"" + name + "\\n\"}}",
							Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"1\"")));
			for (Http.Response response : refused) {
				assertProblem(response, 400, "invalid-parcel");
				assertThat(response.json().get("property").asString()).isEqualTo("name");
			}
			JsonNode after = as("planner").get(item).json();
			assertThat(after.at("/properties/name").asString()).isEqualTo(name);
			assertThat(after.at("/properties/version").asInt()).isOne();
			assertThat(OgcEditTests.this.jdbc.sql("SELECT count(*) FROM zonegis.parcel WHERE name LIKE :name")
				.param("name", "%" + name + "%")
				.query(Long.class)
				.single()).isOne();
		}

		@Test
		void aStreetlightCircuitWithBlanksAroundItIsRefused() {
			String sent = streetlight("SL-" + UUID.randomUUID(), "normal", 122.05, 37.19).replace("OGC-1", " OGC-1");
			Http.Response response = as("planner").send("POST", ITEMS, sent, GEO_JSON);
			assertProblem(response, 400, "invalid-attribute");
			assertThat(response.json().get("property").asString()).isEqualTo("circuit");
		}

		@Test
		void aHostileIdIsNotFound() {
			Http.Response response = as("planner").send("DELETE", ITEMS + "/abc", null, Map.of("If-Match", "\"1\""));
			assertThat(response.status()).isEqualTo(404);
		}

		@Test
		void anInvalidFeatureIsRefusedWithAProblem() {
			Http.Response response = as("planner").send("POST", ITEMS,
					"{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [0, 0]}, \"properties\": {}}",
					GEO_JSON);
			assertThat(response.status()).isBetween(400, 422);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}

		@Test
		void aBodyInACrsNotOfferedIsRefusedNamingTheHeader() {
			Http.Response response = as("planner").send("POST", ITEMS, streetlight("x", "normal", 37.19, 122.05),
					Map.of("Content-Type", "application/geo+json", "Content-Crs",
							"<http://www.opengis.net/def/crs/EPSG/0/3395>"));
			assertBadParameter(response, "Content-Crs");
		}

	}

	/** Any registered collection that no FeatureWriter edits. */
	String readOnlyCollection() {
		return this.registry.all()
			.stream()
			.map(CollectionDef::id)
			.filter((id) -> this.registry.writer(id).isEmpty())
			.findFirst()
			.orElseThrow();
	}

}
