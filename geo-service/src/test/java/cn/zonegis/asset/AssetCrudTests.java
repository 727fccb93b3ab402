package cn.zonegis.asset;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static cn.zonegis.Problems.assertBadParameter;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssetCrudTests extends IntegrationTest {

	@Autowired
	AssetService assets;

	@Autowired
	List<cn.zonegis.ogc.FeatureWriter> writers;

	/**
	 * Codes of test rows start with this, so {@link #deleteTestRows} leaves the demo zone
	 * as it was.
	 */
	static final String TEST_PREFIX = "TEST-";

	static String unique(String prefix) {
		return TEST_PREFIX + prefix + "-" + System.nanoTime();
	}

	/**
	 * Other suites count the demo zone's rows (every pipe end on a well…): leave nothing
	 * behind.
	 */
	@AfterEach
	void deleteTestRows() {
		deleteTestRows(this.jdbc);
	}

	static void deleteTestRows(JdbcClient jdbc) {
		for (AssetKind kind : AssetKind.values()) {
			jdbc.sql("DELETE FROM zonegis." + kind.table() + " WHERE " + kind.labelColumn() + " LIKE :prefix")
				.param("prefix", TEST_PREFIX + "%")
				.update();
		}
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static String pipe(String code, String properties, double... lonLat) {
		StringBuilder coordinates = new StringBuilder();
		for (int i = 0; i < lonLat.length; i += 2) {
			coordinates.append(i == 0 ? "" : ",")
				.append("[")
				.append(lonLat[i])
				.append(",")
				.append(lonLat[i + 1])
				.append("]");
		}
		// Extra properties replace the defaults: a member given twice is refused as
		// ambiguous.
		ObjectNode values = (ObjectNode) JSON.readTree(
				"{\"code\":\"%s\",\"kind\":\"sewage\",\"diameter_mm\":400,\"material\":\"HDPE\"}".formatted(code));
		if (!properties.isEmpty()) {
			values.setAll((ObjectNode) JSON.readTree("{" + properties.substring(1) + "}"));
		}
		return """
				{"type":"Feature","geometry":{"type":"LineString","coordinates":[%s]},"properties":%s}
				""".formatted(coordinates, values);
	}

	Http.Response createPipe(String code) {
		return as("planner").post("/api/assets/pipes", pipe(code, "", 122.050, 37.190, 122.051, 37.190));
	}

	@Test
	void plannerCreatesAPipeAndReadsItBackWithItsLengthInMetres() {
		Http.Response created = createPipe(unique("WS"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		String location = created.header("Location");
		Http.Response read = as("viewer").get(location);
		assertThat(read.status()).isEqualTo(200);
		JsonNode properties = read.json().path("properties");
		assertThat(read.json().path("geometry").has("crs")).as("RFC 7946 has no crs member").isFalse();
		assertThat(properties.path("kind").stringValue()).isEqualTo("sewage");
		assertThat(properties.path("version").intValue()).isEqualTo(1);
		// 0.001° of longitude at 37.19°N is about 88.8 m on the Gauss-Krüger plane.
		assertThat(properties.path("length_m").doubleValue()).isBetween(88.0, 89.6);
	}

	@Test
	void typedTextWithQuotesBackslashesNewlinesAndMarkupRoundTripsIntact() {
		String typed = "He said \"ok\" \\ C:\\pipes\\n1\nline two </script><script>alert('x')</script>";
		ObjectNode feature = (ObjectNode) JSON.readTree(pipe(unique("WS"), "", 122.050, 37.190, 122.051, 37.190));
		((ObjectNode) feature.get("properties")).put("material", typed);
		Http.Response created = as("planner").post("/api/assets/pipes", feature.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String location = created.header("Location");
		String id = location.substring(location.lastIndexOf('/') + 1);
		assertThat(as("viewer").get(location).json().path("properties").path("material").stringValue())
			.isEqualTo(typed);

		String filter = "material = '" + typed.replace("'", "''") + "'";
		Http.Response items = as("viewer").get("/ogc/collections/pipes/items?filter="
				+ URLEncoder.encode(filter, StandardCharsets.UTF_8) + "&limit=1");
		assertThat(items.status()).as(items.body()).isEqualTo(200);
		assertThat(items.json().path("features").get(0).path("properties").path("material").stringValue())
			.isEqualTo(typed);
		String self = items.json()
			.path("links")
			.valueStream()
			.filter((link) -> "self".equals(link.path("rel").stringValue()))
			.findFirst()
			.orElseThrow()
			.path("href")
			.stringValue();
		assertThat(Arrays.stream(URI.create(self).getRawQuery().split("&"))
			.map((parameter) -> URLDecoder.decode(parameter, StandardCharsets.UTF_8))).contains("filter=" + filter);

		assertThat(as("planner").delete(location, Map.of("If-Match", "\"1\"")).status()).isEqualTo(204);
		JsonNode audit = as("admin").get("/api/audit?entity=pipe&entityId=" + id).json();
		assertThat(audit.findValues("action").stream().map(JsonNode::asString)).containsExactly("delete", "create");
		assertThat(audit.get(1).path("detail").path("material").stringValue()).isEqualTo(typed);
		assertThat(audit.get(0).path("detail").path("version").intValue()).isEqualTo(1);
	}

	@Test
	void replacingWithTheReadETagKeepsThePreviousVersionInHistory() {
		String code = unique("WS");
		String location = createPipe(code).header("Location");
		Http.Response replaced = as("planner").put(location,
				pipe(code, ",\"diameter_mm\":600", 122.050, 37.190, 122.052, 37.190),
				Map.of("If-Match", "\"1\"", "Content-Type", "application/json"));
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
		assertThat(replaced.json().path("properties").path("diameter_mm").intValue()).isEqualTo(600);
		JsonNode history = as("viewer").get(location + "/history").json().path("features");
		assertThat(history).hasSize(2);
		assertThat(history.get(0).path("properties").path("version").intValue()).isEqualTo(2);
		assertThat(history.get(1).path("properties").path("diameter_mm").intValue()).isEqualTo(400);
		assertThat(history.get(1).path("properties").path("valid_to").isNull()).isFalse();
		long id = replaced.json().path("id").longValue();
		assertThat(auditEntries("pipe", Long.toString(id))).isEqualTo(2);
	}

	/** RFC 9110 §13.1.1: If-Match holds when any tag it lists is the current one. */
	@Test
	void anIfMatchListHoldsWhenOneOfItsTagsIsCurrent() {
		String code = unique("WS");
		String location = createPipe(code).header("Location");
		Http.Response replaced = as("planner").put(location,
				pipe(code, ",\"diameter_mm\":600", 122.050, 37.190, 122.052, 37.190),
				Map.of("If-Match", "\"5\", \"1\"", "Content-Type", "application/json"));
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
		assertThat(as("planner").delete(location, Map.of("If-Match", "\"1\", \"2\"")).status()).isEqualTo(204);
		assertThat(as("viewer").get(location).status()).isEqualTo(404);
	}

	@Test
	void aMergePatchChangesOnlyTheGivenPropertyAndKeepsTheGeometry() {
		String location = createPipe(unique("WS")).header("Location");
		JsonNode before = as("viewer").get(location).json();
		Http.Response patched = as("planner").send("PATCH", location, "{\"properties\":{\"material\":\"PVC\"}}",
				Map.of("If-Match", "\"1\"", "Content-Type", "application/json"));
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().path("properties").path("material").stringValue()).isEqualTo("PVC");
		assertThat(patched.json().path("properties").path("diameter_mm").intValue()).isEqualTo(400);
		assertThat(patched.json().path("geometry")).isEqualTo(before.path("geometry"));
	}

	@Test
	void aPipeReadIsAcceptedBackWithItsLength() {
		String location = createPipe(unique("WS")).header("Location");
		JsonNode read = as("viewer").get(location).json();
		assertThat(read.path("properties").path("length_m").isNumber()).isTrue();
		Http.Response replaced = as("planner").put(location, read.toString(),
				Map.of("If-Match", "\"1\"", "Content-Type", "application/json"));
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		Http.Response patched = as("planner").send("PATCH", location,
				"{\"properties\":{\"material\":\"PVC\",\"length_m\":%s}}"
					.formatted(read.path("properties").path("length_m")),
				Map.of("If-Match", "\"2\"", "Content-Type", "application/json"));
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
	}

	/**
	 * A read gives coordinates to 7 decimals: a line stored finer can measure a
	 * centimetre apart once a client sends it back, with the length it read beside it.
	 */
	@Test
	void aFinerLineReadIsAcceptedBackWithTheLengthItWasReadWith() {
		String location = as("planner")
			.post("/api/assets/pipes",
					pipe(unique("WS"), "", 122.0502298158, 37.1902602765, 122.0519854551, 37.1905906924))
			.header("Location");
		JsonNode read = as("viewer").get(location).json();
		assertThat(read.path("properties").path("length_m").decimalValue()).isEqualByComparingTo("160.15");
		Http.Response replaced = as("planner").put(location, read.toString(),
				Map.of("If-Match", "\"1\"", "Content-Type", "application/json"));
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(as("viewer").get(location).json().path("properties").path("length_m").decimalValue())
			.isEqualByComparingTo("160.16");
		// As QGIS does when a vertex is moved: the new line, the length it read beside
		// it.
		JsonNode moved = as("viewer").get(location).json();
		Http.Response longer = as("planner").put(location,
				pipe(moved.path("properties").path("code").stringValue(),
						",\"length_m\":" + moved.path("properties").path("length_m"), 122.0502298, 37.1902603,
						122.0539854, 37.1905907),
				Map.of("If-Match", "\"2\"", "Content-Type", "application/json"));
		assertThat(longer.status()).as(longer.body()).isEqualTo(200);
		assertThat(as("viewer").get(location).json().path("properties").path("length_m").decimalValue())
			.isGreaterThan(new BigDecimal("300"));
	}

	@Test
	void aPointAssetPublishesNoLength() {
		Http.Response created = as("planner").post("/api/streetlights", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[122.05,37.19]},
				 "properties":{"code":"%s","circuit":"HL-01"}}
				""".formatted(unique("LD")));
		assertThat(as("viewer").get(created.header("Location")).json().path("properties").has("length_m")).isFalse();
	}

	@Test
	void deletingNeedsTheVersionAndLeavesTheHistoryReadable() {
		String location = createPipe(unique("WS")).header("Location");
		assertThat(as("planner").delete(location, Map.of("If-Match", "\"1\"")).status()).isEqualTo(204);
		assertThat(as("viewer").get(location).status()).isEqualTo(404);
		JsonNode history = as("viewer").get(location + "/history").json().path("features");
		assertThat(history).hasSize(1);
		assertThat(history.get(0).path("properties").path("change").stringValue()).isEqualTo("delete");
	}

	@Test
	void everyKindIsReachableUnderItsOwnPathToo() {
		Http.Response created = as("planner").post("/api/streetlights", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[122.05,37.19]},
				 "properties":{"code":"%s","circuit":"HL-01","power_w":120}}
				""".formatted(unique("LD")));
		assertThat(created.status()).isEqualTo(201);
		JsonNode properties = created.json().path("properties");
		assertThat(properties.path("state").stringValue()).isEqualTo("normal");
		assertThat(properties.path("lamp_type").stringValue()).isEqualTo("led");
		assertThat(as("viewer").get("/api/streetlights/" + created.json().path("id").longValue()).status())
			.isEqualTo(200);
	}

	@Test
	void aRoadDrawnAsOneLineIsStoredAsAMultiLineString() {
		Http.Response created = as("planner").post("/api/assets/roads", """
				{"type":"Feature","geometry":{"type":"LineString","coordinates":[[122.05,37.19],[122.06,37.19]]},
				 "properties":{"name":"%s","road_class":"branch","width_m":12.5}}
				""".formatted(unique("湛江路")));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("geometry").path("type").stringValue()).isEqualTo("MultiLineString");
	}

	@Test
	void aFaultMarksTheStreetlightAndFindGivesItsPointAndState() {
		long id = as("planner").post("/api/streetlights", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[122.051,37.191]},
				 "properties":{"code":"%s","circuit":"HL-01"}}
				""".formatted(unique("LD"))).json().path("id").longValue();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("dispatcher", null, List.of()));
		try {
			this.assets.setState(AssetKind.STREETLIGHT, id, "faulty", "WO-1");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		AssetRef ref = this.assets.find(AssetKind.of("streetlight"), id).orElseThrow();
		assertThat(ref.state()).isEqualTo("faulty");
		assertThat(ref.version()).isEqualTo(2);
		assertThat(ref.lon()).isEqualTo(122.051);
		assertThat(ref.lat()).isEqualTo(37.191);
		assertThat(as("viewer").get("/api/streetlights/" + id + "/history").json().path("features")).hasSize(2);
		assertThat(this.assets.find(AssetKind.CABLE, Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void eachKindDescribesItsEditableColumnsForTheForm() {
		JsonNode pipes = as("viewer").get("/api/assets/kinds")
			.json()
			.valueStream()
			.filter((k) -> k.path("kind").stringValue().equals("pipes"))
			.findFirst()
			.orElseThrow();
		assertThat(pipes.path("geometryType").stringValue()).isEqualTo("LineString");
		JsonNode kind = pipes.path("columns")
			.valueStream()
			.filter((c) -> c.path("name").stringValue().equals("kind"))
			.findFirst()
			.orElseThrow();
		assertThat(kind.path("allowedValues").valueStream().map(JsonNode::stringValue)).contains("dedicated");
		assertThat(kind.path("isRequired").booleanValue()).isTrue();
	}

	@Test
	void eachAssetCollectionHasAnOgcWriter() {
		assertThat(this.writers.stream().map(cn.zonegis.ogc.FeatureWriter::collectionId)).contains("roads", "pipes",
				"wells", "streetlights", "cables");
	}

	@Nested
	class Refused {

		@Test
		void aStaleETagIsAPreconditionFailureThatChangesNothing() {
			String code = unique("WS");
			String location = createPipe(code).header("Location");
			Http.Response stale = as("planner").put(location,
					pipe(code, ",\"diameter_mm\":800", 122.05, 37.19, 122.06, 37.19),
					Map.of("If-Match", "\"7\"", "Content-Type", "application/json"));
			assertProblem(stale, 412);
			assertThat(stale.json().path("currentVersion").intValue()).isEqualTo(1);
			assertThat(as("viewer").get(location).json().path("properties").path("diameter_mm").intValue())
				.isEqualTo(400);
		}

		@Test
		void anIfMatchListOfStaleTagsIsAPreconditionFailureThatChangesNothing() {
			String code = unique("WS");
			String location = createPipe(code).header("Location");
			Http.Response stale = as("planner").send("PATCH", location, "{\"properties\":{\"diameter_mm\":800}}",
					Map.of("If-Match", "\"5\", \"7\"", "Content-Type", "application/json"));
			assertProblem(stale, 412, "stale-version");
			assertThat(stale.json().path("currentVersion").intValue()).isEqualTo(1);
			JsonNode stored = as("viewer").get(location).json();
			assertThat(stored.path("properties").path("diameter_mm").intValue()).isEqualTo(400);
			assertThat(as("viewer").get(location + "/history").json().path("features")).hasSize(1);
		}

		@Test
		void aWriteWithoutIfMatchIsRefusedWith428() {
			String location = createPipe(unique("WS")).header("Location");
			Http.Response response = as("planner").delete(location, Map.of());
			assertThat(response.status()).isEqualTo(428);
			assertThat(as("viewer").get(location).status()).isEqualTo(200);
		}

		@Test
		void coordinatesOutsideTheZoneAreRefusedWithTheLocation() {
			long before = rowCount("pipe");
			Http.Response response = as("planner").post("/api/pipes",
					pipe(unique("WS"), "", 122.05, 37.19, 116.39, 39.91));
			assertThat(response.status()).isEqualTo(422);
			assertThat(response.json().path("type").stringValue()).endsWith("/geometry-outside-zone");
			assertThat(response.json().path("location").get(0).doubleValue()).isEqualTo(116.39);
			assertThat(rowCount("pipe")).isEqualTo(before);
		}

		@Test
		void aPointWhereALineBelongsIsRefused() {
			Http.Response response = as("planner").post("/api/pipes", """
					{"type":"Feature","geometry":{"type":"Point","coordinates":[122.05,37.19]},
					 "properties":{"code":"X","kind":"rain"}}
					""");
			assertThat(response.status()).isEqualTo(422);
			assertThat(response.json().path("expectedType").stringValue()).isEqualTo("LineString");
		}

		@Test
		void aPositionThatIsNotTwoNumbersIsABadRequestQuotingIt() {
			long before = rowCount("pipe");
			Http.Response response = as("planner").post("/api/pipes",
					"""
							{"type":"Feature","geometry":{"type":"LineString","coordinates":[[122.05,37.19],["122.051","east"]]},
							 "properties":{"code":"%s","kind":"rain"}}
							"""
						.formatted(unique("WS")));
			assertProblem(response, 400);
			assertThat(response.json().path("type").stringValue()).endsWith("/invalid-geometry");
			assertThat(response.json().path("detail").stringValue()).contains("[\"122.051\",\"east\"]");
			assertThat(rowCount("pipe")).isEqualTo(before);
		}

		@Test
		void aLineOfOnePointOrWithAHeightIsRefusedSayingWhy() {
			Http.Response onePoint = as("planner").post("/api/pipes", """
					{"type":"Feature","geometry":{"type":"LineString","coordinates":[[122.05,37.19]]},
					 "properties":{"code":"%s","kind":"rain"}}
					""".formatted(unique("WS")));
			assertThat(onePoint.status()).isEqualTo(422);
			assertThat(onePoint.json().path("detail").stringValue()).contains("2");
			Http.Response withHeight = as("planner").post("/api/pipes",
					"""
							{"type":"Feature","geometry":{"type":"LineString","coordinates":[[122.05,37.19],[122.051,37.19,4.5]]},
							 "properties":{"code":"%s","kind":"rain"}}
							"""
						.formatted(unique("WS")));
			assertThat(withHeight.status()).isEqualTo(422);
			assertThat(withHeight.json().path("defect").stringValue()).isEqualTo("too-many-dimensions");
			assertThat(withHeight.json().path("position").intValue()).isEqualTo(2);
			assertThat(withHeight.json().path("detail").stringValue()).contains("4.5");
		}

		@Test
		void aSelfCrossingRoadIsInvalidAndSaysWhere() {
			Http.Response response = as("planner").post("/api/roads",
					"""
							{"type":"Feature","geometry":{"type":"MultiLineString","coordinates":[[[122.05,37.19],[122.05,37.19]]]},
							 "properties":{"name":"%s","road_class":"branch"}}
							"""
						.formatted(unique("R")));
			assertThat(response.status()).isEqualTo(422);
			assertThat(response.json().path("location").isArray()).isTrue();
		}

		@Test
		void aValueOutsideTheAllowedListNamesTheProperty() {
			Http.Response response = as("planner").post("/api/wells", """
					{"type":"Feature","geometry":{"type":"Point","coordinates":[122.05,37.19]},
					 "properties":{"code":"%s","kind":"lava"}}
					""".formatted(unique("J")));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().path("property").stringValue()).isEqualTo("kind");
		}

		@Test
		void aDecimalWithMoreDecimalsOrDigitsThanTheColumnKeepsNamesTheProperty() {
			for (String depth : List.of("0.001", "1.23456789012", "12345.678", "1e10")) {
				String code = unique("J");
				Http.Response response = as("planner").post("/api/wells", """
						{"type":"Feature","geometry":{"type":"Point","coordinates":[122.05,37.19]},
						 "properties":{"code":"%s","kind":"rain","depth_m":%s}}
						""".formatted(code, depth));
				assertProblem(response, 400, "invalid-attribute");
				assertThat(response.json().path("property").stringValue()).isEqualTo("depth_m");
				assertThat(AssetCrudTests.this.jdbc.sql("SELECT count(*) FROM zonegis.well WHERE code = :code")
					.param("code", code)
					.query(Long.class)
					.single()).isZero();
			}
		}

		@Test
		void aCodeInUseIsAConflictNamingIt() {
			String code = unique("WS");
			assertThat(createPipe(code).status()).isEqualTo(201);
			Http.Response again = createPipe(code);
			assertProblem(again, 409, "duplicate-code");
			assertThat(again.json().path("property").stringValue()).isEqualTo("code");
			assertThat(AssetCrudTests.this.jdbc.sql("SELECT count(*) FROM zonegis.pipe WHERE code = :code")
				.param("code", code)
				.query(Long.class)
				.single()).isOne();
		}

		@Test
		void anUnknownWellIsUnprocessableNamingIt() {
			String code = unique("WS");
			Http.Response response = as("planner").post("/api/pipes",
					pipe(code, ",\"upstream_well_id\":999999999", 122.050, 37.190, 122.051, 37.190));
			assertProblem(response, 422, "unknown-reference");
			assertThat(response.json().path("property").stringValue()).isEqualTo("upstream_well_id");
			assertThat(AssetCrudTests.this.jdbc.sql("SELECT count(*) FROM zonegis.pipe WHERE code = :code")
				.param("code", code)
				.query(Long.class)
				.single()).isZero();
		}

		@Test
		void aLengthOtherThanTheGeometrysIsUnprocessableNamingIt() {
			String code = unique("PRB");
			String sent = pipe(code, ",\"kind\":\"rain\",\"length_m\":99999", 122.050, 37.190, 122.051, 37.190);
			for (String path : List.of("/api/pipes", "/ogc/collections/pipes/items")) {
				Http.Response response = as("planner").post(path, sent);
				assertProblem(response, 422, "read-only-property");
				assertThat(response.json().path("property").stringValue()).isEqualTo("length_m");
			}
			assertThat(AssetCrudTests.this.jdbc.sql("SELECT count(*) FROM zonegis.pipe WHERE code = :code")
				.param("code", code)
				.query(Long.class)
				.single()).isZero();

			String location = createPipe(code).header("Location");
			// Neither the stored line's length (which a client echoes) nor the new
			// line's.
			Http.Response longer = as("planner").put(location,
					pipe(code, ",\"length_m\":1", 122.050, 37.190, 122.052, 37.190),
					Map.of("If-Match", "\"1\"", "Content-Type", "application/json"));
			assertProblem(longer, 422, "read-only-property");
			Http.Response patched = as("planner").send("PATCH", location, "{\"properties\":{\"length_m\":1}}",
					Map.of("If-Match", "\"1\"", "Content-Type", "application/json"));
			assertProblem(patched, 422, "read-only-property");
			assertThat(as("viewer").get(location).json().path("properties").path("version").intValue()).isOne();
		}

		@Test
		void aLengthOnAPointAssetIsAnUnknownProperty() {
			String code = unique("LD");
			Http.Response response = as("planner").post("/api/streetlights", """
					{"type":"Feature","geometry":{"type":"Point","coordinates":[122.05,37.19]},
					 "properties":{"code":"%s","circuit":"HL-01","length_m":55}}
					""".formatted(code));
			assertProblem(response, 422, "unknown-property");
			assertThat(response.json().path("property").stringValue()).isEqualTo("length_m");
			assertThat(AssetCrudTests.this.jdbc.sql("SELECT count(*) FROM zonegis.streetlight WHERE code = :code")
				.param("code", code)
				.query(Long.class)
				.single()).isZero();
		}

		@Test
		void anEmptyCodeOrOneWithBlanksAroundItIsABadRequestNamingIt() {
			String code = unique("PRB");
			for (String sent : List.of("", "   ", "  " + code + "  ")) {
				Http.Response response = as("planner").post("/api/pipes",
						pipe(sent, ",\"kind\":\"rain\"", 122.050, 37.190, 122.051, 37.190));
				assertProblem(response, 400, "invalid-attribute");
				assertThat(response.json().path("property").stringValue()).isEqualTo("code");
			}
			assertThat(AssetCrudTests.this.jdbc
				.sql("SELECT count(*) FROM zonegis.pipe WHERE code = '' OR trim(code) = :code OR code ~ '^\\s*$'")
				.param("code", code)
				.query(Long.class)
				.single()).isZero();
		}

		@Test
		void aNameOrOtherTextWithBlanksAroundItIsABadRequestNamingIt() {
			String name = unique("R");
			Http.Response road = as("planner").post("/api/roads",
					"""
							{"type":"Feature","geometry":{"type":"MultiLineString","coordinates":[[[122.05,37.19],[122.051,37.19]]]},
							 "properties":{"name":"%s ","road_class":"branch"}}
							"""
						.formatted(name));
			assertProblem(road, 400, "invalid-attribute");
			assertThat(road.json().path("property").stringValue()).isEqualTo("name");
			String code = unique("PRB");
			Http.Response pipe = as("planner").post("/api/pipes",
					pipe(code, ",\"material\":\"\\tHDPE\"", 122.050, 37.190, 122.051, 37.190));
			assertProblem(pipe, 400, "invalid-attribute");
			assertThat(pipe.json().path("property").stringValue()).isEqualTo("material");
			assertThat(AssetCrudTests.this.jdbc.sql("""
					SELECT (SELECT count(*) FROM zonegis.road WHERE name LIKE :name)
					     + (SELECT count(*) FROM zonegis.pipe WHERE code = :code)
					""").param("name", name + "%").param("code", code).query(Long.class).single()).isZero();
		}

		@Test
		void hostileInputIsABadRequestOrUnknown() {
			assertBadParameter(as("viewer").get("/api/pipes/1%20OR%201=1"), "id");
			assertThat(as("viewer").get("/api/assets/pipe;DROP/1").status()).isIn(400, 404);
			assertThat(as("viewer").get("/api/assets/bridges/1").status()).isEqualTo(404);
			Http.Response injected = as("planner").post("/api/wells", """
					{"type":"Feature","geometry":{"type":"Point","coordinates":[122.05,37.19]},
					 "properties":{"code":"x'); DROP TABLE zonegis.well; --","kind":"rain","depth_m":"deep"}}
					""");
			assertThat(injected.status()).isEqualTo(400);
			assertThat(injected.json().path("property").stringValue()).isEqualTo("depth_m");
		}

		@Test
		void aViewerMayNotEditAssets() {
			long before = rowCount("pipe");
			assertThat(as("viewer").post("/api/pipes", pipe(unique("WS"), "", 122.05, 37.19, 122.06, 37.19)).status())
				.isEqualTo(403);
			assertThat(rowCount("pipe")).isEqualTo(before);
		}

		@Test
		void aRoadHasNoStateToMarkFaulty() {
			assertThatThrownBy(() -> AssetCrudTests.this.assets.setState(AssetKind.ROAD, 1, "faulty", "test"))
				.hasMessage("asset.state.none");
			assertThatThrownBy(
					() -> AssetCrudTests.this.assets.setState(AssetKind.CABLE, Long.MAX_VALUE, "faulty", "t"))
				.hasMessage("asset.unknown");
		}

	}

}
