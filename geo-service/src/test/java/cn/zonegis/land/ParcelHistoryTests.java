package cn.zonegis.land;

import java.time.OffsetDateTime;
import java.util.Map;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertBadParameter;
import static org.assertj.core.api.Assertions.assertThat;

/** PUT with If-Match keeps every previous version; history and asOf show them. */
class ParcelHistoryTests extends IntegrationTest {

	@AfterEach
	void leaveTheDemoZoneAsItWas() {
		TestGround.clean(this.jdbc);
	}

	private record Drawn(long id, String code, double[] cell) {
	}

	private Drawn draw() {
		double[] c = TestGround.cell();
		String code = TestGround.code("hist");
		Http.Response response = as("planner").post("/api/parcels",
				TestGround.feature(code, TestGround.rectangle(c[0], c[1], 0.001, 0.001)));
		return new Drawn(response.json().get("id").asLong(), code, c);
	}

	private Http.Response redraw(Drawn parcel, double width, String ifMatch) {
		return as("planner").put("/api/parcels/" + parcel.id(),
				TestGround.feature(parcel.code(),
						TestGround.rectangle(parcel.cell()[0], parcel.cell()[1], width, 0.001)),
				Map.of("Content-Type", "application/json", "If-Match", ifMatch));
	}

	private OffsetDateTime databaseNow() {
		return this.jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single();
	}

	@Test
	void aRedrawnParcelKeepsItsPreviousVersionInHistory() {
		Drawn parcel = draw();
		double firstArea = as("viewer").get("/api/parcels/" + parcel.id())
			.json()
			.get("properties")
			.get("area_m2")
			.asDouble();

		Http.Response response = redraw(parcel, 0.002, "\"1\"");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("ETag")).isEqualTo("\"2\"");
		double secondArea = response.json().get("properties").get("area_m2").asDouble();
		assertThat(secondArea).isGreaterThan(firstArea * 1.9);
		JsonNode versions = as("viewer").get("/api/parcels/" + parcel.id() + "/history").json().get("features");
		assertThat(versions.size()).isEqualTo(2);
		assertThat(versions.get(0).get("properties").get("version").asInt()).isEqualTo(2);
		assertThat(versions.get(0).get("properties").get("valid_to").isNull()).isTrue();
		JsonNode first = versions.get(1).get("properties");
		assertThat(first.get("version").asInt()).isEqualTo(1);
		assertThat(first.get("area_m2").asDouble()).isEqualTo(firstArea);
		assertThat(first.get("replaced_by").asString()).isEqualTo("planner");
		assertThat(first.get("valid_to").asString()).isNotBlank();
	}

	@Test
	void asOfShowsTheBoundaryAsItWasAtThatMoment() {
		Drawn parcel = draw();
		OffsetDateTime beforeRedraw = databaseNow();
		redraw(parcel, 0.002, "\"1\"");
		OffsetDateTime afterRedraw = databaseNow();

		JsonNode then = featureAt(parcel.id(), beforeRedraw);
		JsonNode now = featureAt(parcel.id(), afterRedraw);

		assertThat(then.get("properties").get("version").asInt()).isEqualTo(1);
		assertThat(now.get("properties").get("version").asInt()).isEqualTo(2);
		assertThat(now.get("properties").get("area_m2").asDouble())
			.isGreaterThan(then.get("properties").get("area_m2").asDouble() * 1.9);
		assertThat(featureAt(parcel.id(), beforeRedraw.minusDays(1))).isNull();
	}

	@Test
	void asOfADateShowsTheDemoParcelsRedrawnSinceAtTheirFirstVersion() {
		long redrawn = this.jdbc.sql("SELECT parcel_id FROM zonegis.parcel_history ORDER BY valid_to LIMIT 1")
			.query(Long.class)
			.single();
		String day = this.jdbc
			.sql("SELECT (valid_to - interval '2 days')::date::text FROM zonegis.parcel_history WHERE parcel_id = :id")
			.param("id", redrawn)
			.query(String.class)
			.single();
		Http.Response response = as("viewer").get("/api/parcels?asOf=" + day);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/geo+json");
		JsonNode feature = find(response.json(), redrawn);
		assertThat(feature.get("properties").get("version").asInt()).isEqualTo(1);
	}

	private JsonNode featureAt(long id, OffsetDateTime at) {
		Http.Response response = as("viewer").get("/api/parcels?asOf="
				+ java.net.URLEncoder.encode(at.toString(), java.nio.charset.StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(200);
		return find(response.json(), id);
	}

	private static JsonNode find(JsonNode collection, long id) {
		for (JsonNode feature : collection.get("features")) {
			if (feature.get("id").asLong() == id) {
				return feature;
			}
		}
		return null;
	}

	@Nested
	class Refused {

		@Test
		void aStaleIfMatchNamesTheParcelTheVersionEditedAndTheCurrentOne() {
			Drawn parcel = draw();
			redraw(parcel, 0.002, "\"1\"");
			Http.Response response = as("planner").put("/api/parcels/" + parcel.id(),
					TestGround.feature(parcel.code(),
							TestGround.rectangle(parcel.cell()[0], parcel.cell()[1], 0.0015, 0.001)),
					Map.of("Content-Type", "application/json", "If-Match", "\"1\"", "Accept-Language", "en"));
			assertThat(response.status()).isEqualTo(412);
			assertThat(response.json().get("type").asString()).endsWith("/stale-version");
			assertThat(response.json().get("detail").asString()).startsWith("Parcel " + parcel.code()
					+ " was changed by someone else: you edited version 1, it is now version 2.");
		}

		@Test
		void aStaleIfMatchIsAPreconditionFailureThatChangesNothing() {
			Drawn parcel = draw();
			redraw(parcel, 0.002, "\"1\"");
			Http.Response response = redraw(parcel, 0.0015, "\"1\"");
			assertThat(response.status()).isEqualTo(412);
			assertThat(response.json().get("currentVersion").asInt()).isEqualTo(2);
			JsonNode stored = as("viewer").get("/api/parcels/" + parcel.id()).json();
			assertThat(stored.get("properties").get("version").asInt()).isEqualTo(2);
			assertThat(as("viewer").get("/api/parcels/" + parcel.id() + "/history").json().get("features").size())
				.isEqualTo(2);
		}

		@Test
		void anUpdateWithoutIfMatchIsRefused() {
			Drawn parcel = draw();
			Http.Response response = as("planner").put("/api/parcels/" + parcel.id(),
					TestGround.feature(parcel.code(),
							TestGround.rectangle(parcel.cell()[0], parcel.cell()[1], 0.002, 0.001)),
					Map.of("Content-Type", "application/json"));
			assertThat(response.status()).isEqualTo(428);
		}

		@Test
		void aGarbageEntityTagMatchesNoVersion() {
			assertThat(redraw(draw(), 0.002, "\"1; DROP TABLE parcel\"").status()).isEqualTo(412);
		}

		@Test
		void aCancelledParcelCannotBeRedrawn() {
			Drawn parcel = draw();
			as("planner").delete("/api/parcels/" + parcel.id(), Map.of());
			Http.Response response = redraw(parcel, 0.002, "\"2\"");
			assertThat(response.status()).isEqualTo(409);
			assertThat(response.json().get("type").asString()).endsWith("/parcel-ended");
		}

		@Test
		void anAsOfThatIsNotADateIsABadRequest() {
			assertBadParameter(as("viewer").get("/api/parcels?asOf=yesterday"), "asOf");
		}

		@Test
		void theHistoryOfAnUnknownParcelIsNotFound() {
			assertThat(as("viewer").get("/api/parcels/987654321/history").status()).isEqualTo(404);
		}

	}

}
