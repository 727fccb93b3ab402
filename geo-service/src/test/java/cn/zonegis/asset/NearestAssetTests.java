package cn.zonegis.asset;

import java.util.List;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class NearestAssetTests extends IntegrationTest {

	@AfterEach
	void deleteTestRows() {
		AssetCrudTests.deleteTestRows(this.jdbc);
	}

	long streetlight(double lon, double lat) {
		return as("planner").post("/api/streetlights", """
				{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},
				 "properties":{"code":"%s","circuit":"HL-01"}}
				""".formatted(lon, lat, AssetCrudTests.unique("LD"))).json().path("id").longValue();
	}

	static List<Double> distances(JsonNode collection) {
		return collection.path("features")
			.valueStream()
			.map((f) -> f.path("properties").path("distance_m").doubleValue())
			.toList();
	}

	@Test
	void theNearestStreetlightsComeFirstWithTheirDistanceInMetres() {
		// Far corner of the zone, away from the demo lights: 0.001° north is about 111 m,
		// 0.001° east about 89 m.
		long east = streetlight(122.191, 37.34);
		long north = streetlight(122.19, 37.341);
		JsonNode nearest = as("viewer").get("/api/assets/nearest?lon=122.19&lat=37.34&type=streetlights&k=2").json();
		assertThat(nearest.path("features").valueStream().map((f) -> f.path("id").longValue())).containsExactly(east,
				north);
		assertThat(distances(nearest).get(0)).isBetween(88.0, 89.5);
		assertThat(distances(nearest).get(1)).isBetween(110.5, 111.5);
	}

	@Test
	void withoutATypeEveryKindCompetesAndDistancesGrow() {
		JsonNode nearest = as("viewer").get("/api/assets/nearest?lon=122.05&lat=37.19&k=20").json();
		assertThat(nearest.path("features")).hasSize(20);
		assertThat(distances(nearest)).isSorted();
		assertThat(nearest.path("features")
			.valueStream()
			.map((f) -> f.path("properties").path("kind").stringValue())
			.distinct()).hasSizeGreaterThan(1);
		Double nearestWell = this.jdbc
			.sql("""
					SELECT round(min(ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(122.05, 37.19), 4490)::geography))::numeric, 2)
					FROM zonegis.well
					""")
			.query(Double.class)
			.single();
		JsonNode wells = as("viewer").get("/api/assets/nearest?lon=122.05&lat=37.19&type=well&k=1").json();
		assertThat(distances(wells)).containsExactly(nearestWell);
	}

	@Nested
	class Refused {

		void refused(String query, String parameter) {
			Http.Response response = as("viewer").get("/api/assets/nearest?" + query);
			assertProblem(response, 400);
			assertThat(response.json().path("parameter").asString("")).as(query + " → " + response.body())
				.isEqualTo(parameter);
		}

		@Test
		void badInputNamesTheParameter() {
			refused("lat=37.19&k=3", "lon");
			refused("lon=abc&lat=37.19", "lon");
			refused("lon=116.39&lat=39.91", "lon");
			refused("lon=122.05&lat=NaN", "lat");
			refused("lon=122.05&lat=37.19&k=0", "k");
			refused("lon=122.05&lat=37.19&k=51", "k");
			refused("lon=122.05&lat=37.19&type=bridges", "type");
			refused("lon=122.05&lat=37.19&type=pipe;DROP%20TABLE%20zonegis.pipe", "type");
		}

	}

}
