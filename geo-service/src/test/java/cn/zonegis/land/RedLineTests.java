package cn.zonegis.land;

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

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * POST /api/parcels: red lines are checked, measured and refused when they overlap a live
 * parcel.
 */
class RedLineTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@AfterEach
	void leaveTheDemoZoneAsItWas() {
		TestGround.clean(this.jdbc);
	}

	/** How many stored parcels carry the code. */
	private long parcelsCoded(String code) {
		return this.jdbc.sql("SELECT count(*) FROM zonegis.parcel WHERE code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	private static Map<String, String> ifMatch(String etag) {
		return Map.of("Content-Type", "application/json", "If-Match", etag);
	}

	private Http.Response draw(String code, String geometry) {
		return as("planner").post("/api/parcels", TestGround.feature(code, geometry));
	}

	private String rectangleAt(double[] cell, double dLon, double dLat, double width, double height) {
		return TestGround.rectangle(cell[0] + dLon, cell[1] + dLat, width, height);
	}

	@Test
	void aRedLineIsStoredWithItsPlaneAreaInTheMeasuringCrs() {
		double[] cell = TestGround.cell();
		// A rectangle of 123.45 m × 67.89 m drawn in EPSG:4550, sent in EPSG:4490
		// lon/lat.
		String geometry = this.jdbc
			.sql("""
					WITH o AS (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(:lon, :lat), 4490), 4550) AS p)
					SELECT ST_AsGeoJSON(ST_Transform(ST_MakeEnvelope(ST_X(p), ST_Y(p), ST_X(p) + 123.45, ST_Y(p) + 67.89, 4550), 4490), 15)
					FROM o
					""")
			.param("lon", cell[0])
			.param("lat", cell[1])
			.query(String.class)
			.single();
		Http.Response response = draw(TestGround.code("area"), geometry);
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.header("ETag")).isEqualTo("\"1\"");
		JsonNode properties = response.json().get("properties");
		double expected = 123.45 * 67.89;
		assertThat(properties.get("area_m2").asDouble()).isCloseTo(expected, offset(0.01));
		assertThat(properties.get("area_mu").asDouble()).isCloseTo(expected * 15 / 10000, offset(0.0001));
		assertThat(properties.get("area_ha").asDouble()).isCloseTo(expected / 10000, offset(0.0001));
		assertThat(properties.get("perimeter_m").asDouble()).isCloseTo(2 * (123.45 + 67.89), offset(0.01));
		assertThat(properties.get("ellipsoidal_area_m2").asDouble()).isCloseTo(expected, offset(expected * 0.01));
		assertThat(properties.get("status").asString()).isEqualTo("planned");
		assertThat(response.json().get("geometry").has("crs")).as("RFC 7946 has no crs member").isFalse();
		String location = response.header("Location");
		Http.Response read = as("viewer").get(location);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"1\"");
		assertThat(read.json().get("properties").get("area_m2").asDouble()).isCloseTo(expected, offset(0.01));
	}

	@Test
	void aRedLineWithAHoleAndTwoPartsIsAccepted() {
		double[] c = TestGround.cell();
		String geometry = """
				{"type":"MultiPolygon","coordinates":[
				 [[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]],
				  [[%5$s,%6$s],[%7$s,%6$s],[%7$s,%8$s],[%5$s,%8$s],[%5$s,%6$s]]],
				 [[[%9$s,%2$s],[%10$s,%2$s],[%10$s,%4$s],[%9$s,%4$s],[%9$s,%2$s]]]]}
				""".formatted(c[0], c[1], c[0] + 0.001, c[1] + 0.001, c[0] + 0.0004, c[1] + 0.0004, c[0] + 0.0006,
				c[1] + 0.0006, c[0] + 0.0015, c[0] + 0.002);
		Http.Response response = draw(TestGround.code("holes"), geometry);
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("geometry").get("coordinates").size()).isEqualTo(2);
	}

	@Test
	void anOverlappingRedLineIsRefusedWithTheConflictingParcel() {
		double[] cell = TestGround.cell();
		String neighbour = TestGround.code("neighbour");
		assertThat(draw(neighbour, rectangleAt(cell, 0, 0, 0.001, 0.001)).status()).isEqualTo(201);
		long before = rowCount("parcel");

		Http.Response response = draw(TestGround.code("overlap"), rectangleAt(cell, 0.0008, 0, 0.001, 0.001));

		assertProblem(response, 409);
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).endsWith("/red-line-overlap");
		JsonNode conflict = problem.get("conflictingParcels").get(0);
		assertThat(conflict.get("code").asString()).isEqualTo(neighbour);
		double overlapM2 = this.jdbc.sql("""
				SELECT ST_Area(ST_Transform(ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4490), 4550))
				""")
			.param("minLon", cell[0] + 0.0008)
			.param("minLat", cell[1])
			.param("maxLon", cell[0] + 0.001)
			.param("maxLat", cell[1] + 0.001)
			.query(Double.class)
			.single();
		assertThat(conflict.get("overlapAreaM2").asDouble()).isCloseTo(overlapM2, offset(0.01));
		assertThat(conflict.get("overlap").get("type").asString()).isEqualTo("Polygon");
		assertThat(problem.get("detail").asString()).contains(neighbour).contains("m²");
		assertThat(rowCount("parcel")).isEqualTo(before);
	}

	@Test
	void theOverlapDetailIsInEnglishWhenAsked() {
		double[] cell = TestGround.cell();
		String neighbour = TestGround.code("neighbour");
		draw(neighbour, rectangleAt(cell, 0, 0, 0.001, 0.001));
		Http.Response response = as("planner").send("POST", "/api/parcels",
				TestGround.feature(TestGround.code("overlap"), rectangleAt(cell, 0.0005, 0.0005, 0.001, 0.001)),
				Map.of("Content-Type", "application/json", "Accept-Language", "en"));
		assertThat(response.json().get("detail").asString())
			.startsWith("Red line overlaps parcel " + neighbour + " by ");
	}

	@Test
	void anOverlapWithinTheToleranceIsAccepted() {
		double[] cell = TestGround.cell();
		draw(TestGround.code("neighbour"), rectangleAt(cell, 0, 0, 0.001, 0.001));
		// 0.00000004° of longitude is 3.5 mm here: 3.5 mm × 111 m ≈ 0.4 m², under the 0.5
		// m² tolerance.
		assertThat(draw(TestGround.code("touching"), rectangleAt(cell, 0.001 - 0.00000004, 0, 0.001, 0.001)).status())
			.isEqualTo(201);
	}

	@Test
	void aRedLineOverACancelledParcelIsAccepted() {
		double[] cell = TestGround.cell();
		Http.Response old = draw(TestGround.code("old"), rectangleAt(cell, 0, 0, 0.001, 0.001));
		assertThat(as("planner").delete(old.header("Location"), Map.of("If-Match", old.header("ETag"))).status())
			.isEqualTo(200);
		assertThat(draw(TestGround.code("new"), rectangleAt(cell, 0, 0, 0.001, 0.001)).status()).isEqualTo(201);
	}

	@Test
	void clipCutsTheRedLineBackToItsNeighbours() {
		double[] cell = TestGround.cell();
		String neighbour = TestGround.code("neighbour");
		draw(neighbour, rectangleAt(cell, 0, 0, 0.001, 0.001));
		Http.Response response = as("planner").post("/api/parcels?clip=true",
				TestGround.feature(TestGround.code("clipped"), rectangleAt(cell, 0.0005, 0, 0.001, 0.001)));
		assertThat(response.status()).isEqualTo(201);
		JsonNode clip = response.json().get("clip");
		assertThat(clip.get("clippedBy").get(0).asString()).isEqualTo(neighbour);
		assertThat(clip.get("areaAfterM2").asDouble()).isCloseTo(clip.get("areaBeforeM2").asDouble() / 2, offset(0.5));
		assertThat(response.json().get("properties").get("area_m2").asDouble())
			.isCloseTo(clip.get("areaAfterM2").asDouble(), offset(0.01));
	}

	@Test
	void repairMakesABowTieValidAndSaysWhatChanged() {
		double[] c = TestGround.cell();
		String bowTie = TestGround.bowTie(c[0], c[1], 0.001);
		Http.Response response = as("planner").post("/api/parcels?repair=true",
				TestGround.feature(TestGround.code("bowtie"), bowTie));
		assertThat(response.status()).isEqualTo(201);
		JsonNode repair = response.json().get("repair");
		assertThat(repair.get("defect").asString()).isEqualTo("self-intersection");
		assertThat(repair.get("partsAfter").asInt()).isEqualTo(2);
		assertThat(repair.get("areaAfterM2").asDouble()).isPositive();
	}

	@Test
	void aCodeOfSixtyFourCharactersIsStoredAndOneMoreIsRefused() {
		double[] cell = TestGround.cell();
		String longest = TestGround.code("long", 64);
		Http.Response stored = draw(longest, rectangleAt(cell, 0, 0, 0.001, 0.001));
		assertThat(stored.status()).as(stored.text()).isEqualTo(201);
		assertThat(stored.json().get("properties").get("code").asString()).isEqualTo(longest);
		Http.Response refused = draw(TestGround.code("long", 65), rectangleAt(cell, 0.0015, 0, 0.001, 0.001));
		assertProblem(refused, 400, "text-too-long");
		assertThat(refused.json().get("maxLength").asInt()).isEqualTo(64);
	}

	@Test
	void aNoteIsStoredAndReadBackExactlyAsSentBlanksAndLineBreaksIncluded() {
		String note = "  第一行：东侧围墙待拆\n\t第二行  \n";
		Http.Response stored = as("planner").post("/api/parcels",
				TestGround.feature(TestGround.code("note"), rectangleAt(TestGround.cell(), 0, 0, 0.001, 0.001))
					.replace("\"note\":\"test\"", "\"note\":" + JSON.writeValueAsString(note)));
		assertThat(stored.status()).as(stored.text()).isEqualTo(201);
		assertThat(stored.json().at("/properties/note").asString()).isEqualTo(note);
		assertThat(as("viewer").get(stored.header("Location")).json().at("/properties/note").asString())
			.isEqualTo(note);
	}

	@Test
	void numbersADoubleKeepsAsWrittenAreAcceptedWhateverTheirDigits() {
		double[] cell = TestGround.cell();
		// The next double above each corner, which Double.toString writes with 16 or 17
		// significant digits (a client adding two coordinates sends such numbers).
		String geometry = TestGround.rectangle(Math.nextUp(cell[0]), Math.nextUp(cell[1]), 0.001, 0.001);
		assertThat(geometry).containsPattern("\\.\\d{13,}");
		Http.Response response = as("planner").post("/api/parcels",
				TestGround.feature(TestGround.code("digits"), geometry)
					.replace("\"note\":\"test\"", "\"surveyed_area_m2\":0.1"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	@Test
	void aParcelReadIsAcceptedBackWithItsAreasAndStatusAlsoBesideAMovedBoundary() {
		double[] cell = TestGround.cell();
		Http.Response created = draw(TestGround.code("echo"), rectangleAt(cell, 0, 0, 0.001, 0.001));
		String location = created.header("Location");
		ObjectNode read = (ObjectNode) as("viewer").get(location).json();
		Http.Response echoed = as("planner").put(location, read.toString(), ifMatch("\"1\""));
		assertThat(echoed.status()).as(echoed.body()).isEqualTo(200);

		read.set("geometry", JSON.readTree(rectangleAt(cell, 0, 0, 0.001, 0.0005)));
		Http.Response moved = as("planner").put(location, read.toString(), ifMatch("\"2\""));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().path("properties").path("area_m2").decimalValue())
			.isLessThan(read.path("properties").path("area_m2").decimalValue());
	}

	@Nested
	class Refused {

		@Test
		void aSelfIntersectingRedLineIsUnprocessableAndSaysWhere() {
			double[] c = TestGround.cell();
			String bowTie = TestGround.bowTie(c[0], c[1], 0.001);
			Http.Response response = draw(TestGround.code("bowtie"), bowTie);
			assertThat(response.status()).isEqualTo(422);
			JsonNode problem = response.json();
			assertThat(problem.get("type").asString()).endsWith("/invalid-geometry");
			assertThat(problem.get("defect").asString()).isEqualTo("self-intersection");
			assertThat(problem.get("ring").asInt()).isEqualTo(1);
			assertThat(problem.get("location").get(0).asDouble()).isCloseTo(c[0] + 0.0005, offset(1e-7));
			assertThat(problem.get("detail").asString()).contains("自相交");
		}

		@Test
		void aProjectedCrsIsRefused() {
			String feature = """
					{"type":"Feature","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4550"}},
					 "geometry":%s,"properties":{"code":"%s"}}
					""".formatted(rectangleAt(TestGround.cell(), 0, 0, 0.001, 0.001), TestGround.code("crs"));
			Http.Response response = as("planner").post("/api/parcels", feature);
			assertThat(response.status()).isEqualTo(422);
			assertThat(response.json().get("defect").asString()).isEqualTo("unsupported-crs");
		}

		@Test
		void anAreaOrStatusOtherThanTheParcelsIsUnprocessableNamingItAndNothingIsStored() {
			double[] cell = TestGround.cell();
			String code = TestGround.code("computed");
			String square = rectangleAt(cell, 0, 0, 0.001, 0.001);
			Http.Response posted = as("planner").post("/api/parcels",
					TestGround.feature(code, square).replace("\"note\":\"test\"", "\"area_m2\":5"));
			assertProblem(posted, 422, "read-only-property");
			assertThat(posted.json().path("property").stringValue()).isEqualTo("area_m2");
			Http.Response ogcPosted = as("planner").send("POST", "/ogc/collections/parcels/items",
					TestGround.feature(code, square).replace("\"note\":\"test\"", "\"status\":\"transferred\""),
					Map.of("Content-Type", "application/geo+json"));
			assertProblem(ogcPosted, 422, "read-only-property");
			assertThat(ogcPosted.json().path("property").stringValue()).isEqualTo("status");
			assertThat(parcelsCoded(code)).isZero();

			String location = draw(code, square).header("Location");
			ObjectNode read = (ObjectNode) as("viewer").get(location).json();
			((ObjectNode) read.path("properties")).put("area_ha", 9);
			Http.Response replaced = as("planner").put(location, read.toString(), ifMatch("\"1\""));
			assertProblem(replaced, 422, "read-only-property");
			assertThat(replaced.json().path("property").stringValue()).isEqualTo("area_ha");
			assertThat(as("viewer").get(location).header("ETag")).isEqualTo("\"1\"");
		}

		@Test
		void aDuplicateCodeIsAConflict() {
			double[] cell = TestGround.cell();
			String code = TestGround.code("twice");
			draw(code, rectangleAt(cell, 0, 0, 0.001, 0.001));
			Http.Response response = draw(code, rectangleAt(cell, 0.0015, 0, 0.001, 0.001));
			assertThat(response.status()).isEqualTo(409);
			assertThat(response.json().get("type").asString()).endsWith("/duplicate-code");
		}

		@Test
		void aSurveyedAreaWithMoreDecimalsOrDigitsThanKeptIsABadRequestNamingIt() {
			double[] cell = TestGround.cell();
			for (String area : List.of("12.34567", "1e20", "123456789012")) {
				String code = TestGround.code("area");
				Http.Response response = as("planner").post("/api/parcels",
						TestGround.feature(code, rectangleAt(cell, 0, 0, 0.001, 0.001))
							.replace("\"note\":\"test\"", "\"note\":\"test\",\"surveyed_area_m2\":" + area));
				assertThat(response.status()).as(area).isEqualTo(400);
				assertThat(response.json().get("property").asString()).isEqualTo("surveyed_area_m2");
				assertThat(parcelsCoded(code)).isZero();
			}
		}

		@Test
		void aCodeWithBlanksAroundItIsRefusedRatherThanTrimmed() {
			String code = TestGround.code("blanks");
			Http.Response response = draw("  " + code + "  ", rectangleAt(TestGround.cell(), 0, 0, 0.001, 0.001));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("property").asString()).isEqualTo("code");
			assertThat(RedLineTests.this.jdbc.sql("SELECT count(*) FROM zonegis.parcel WHERE trim(code) = :code")
				.param("code", code)
				.query(Long.class)
				.single()).isZero();
		}

		@Test
		void aNameWithBlanksAroundItIsRefusedRatherThanTrimmed() {
			String code = TestGround.code("name");
			for (String name : List.of(" 测试地块", "测试地块\n", "   ")) {
				Http.Response response = as("planner").post("/api/parcels",
						TestGround.feature(code, rectangleAt(TestGround.cell(), 0, 0, 0.001, 0.001))
							.replace("\"name\":\"测试地块\"", "\"name\":" + JSON.writeValueAsString(name)));
				assertProblem(response, 400, "invalid-parcel");
				assertThat(response.json().get("property").asString()).isEqualTo("name");
			}
			assertThat(parcelsCoded(code)).isZero();
		}

		@Test
		void aNumberWhereTextBelongsIsABadRequestNamingIt() {
			String code = TestGround.code("number");
			Http.Response response = as("planner").post("/api/parcels",
					TestGround.feature(code, rectangleAt(TestGround.cell(), 0, 0, 0.001, 0.001))
						.replace("\"name\":\"测试地块\"", "\"name\":12.50"));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("property").asString()).isEqualTo("name");
			assertThat(parcelsCoded(code)).isZero();
		}

		@Test
		void aViewerMayNotDrawRedLines() {
			Http.Response response = as("viewer").post("/api/parcels",
					TestGround.feature(TestGround.code("viewer"), rectangleAt(TestGround.cell(), 0, 0, 0.001, 0.001)));
			assertThat(response.status()).isEqualTo(403);
		}

		@Test
		void aMissingCodeIsABadRequest() {
			String feature = "{\"type\":\"Feature\",\"geometry\":%s,\"properties\":{}}"
				.formatted(rectangleAt(TestGround.cell(), 0, 0, 0.001, 0.001));
			Http.Response response = as("planner").post("/api/parcels", feature);
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("property").asString()).isEqualTo("code");
		}

		@Test
		void aBodyThatIsNotAFeatureIsABadRequest() {
			assertThat(as("planner").post("/api/parcels", "{\"type\":\"Polygon\"}").status()).isEqualTo(400);
			assertThat(as("planner").post("/api/parcels", "{\"type\":").status()).isEqualTo(400);
		}

		@Test
		void aHostileIdIsABadRequestAndAnUnknownOneNotFound() {
			assertThat(as("viewer").get("/api/parcels/1;DROP%20TABLE%20parcel").status()).isEqualTo(400);
			assertThat(as("viewer").get("/api/parcels/999999999").status()).isEqualTo(404);
		}

	}

}
