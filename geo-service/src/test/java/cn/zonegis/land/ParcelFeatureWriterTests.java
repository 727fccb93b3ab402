package cn.zonegis.land;

import java.util.Map;

import cn.zonegis.ApiProblem;
import cn.zonegis.Http;
import cn.zonegis.ogc.CollectionRegistry;
import cn.zonegis.ogc.FeatureWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OGC API Part 4 writes on land collections run the same rules as /api. */
class ParcelFeatureWriterTests extends PlannerServiceTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private CollectionRegistry registry;

	private FeatureWriter parcels() {
		return this.registry.writer("parcels").orElseThrow();
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql("SELECT status, version, name, holder FROM zonegis.parcel WHERE id = :id")
			.param("id", id)
			.query()
			.singleRow();
	}

	@Test
	void everyLandCollectionThatCanBeEditedHasAWriter() {
		assertThat(this.registry.writer("parcels")).isPresent();
		assertThat(this.registry.writer("expansion_zones")).isPresent();
		assertThat(this.registry.writer("enterprises")).isPresent();
	}

	@Test
	void aParcelIsCreatedAndPatchedThroughTheWriter() {
		double[] c = TestGround.cell();
		long id = parcels().create(JSON
			.readTree(TestGround.feature(TestGround.code("ogc"), TestGround.rectangle(c[0], c[1], 0.001, 0.001))));

		parcels().update(id, JSON.readTree("{\"properties\":{\"name\":\"改名地块\",\"holder\":null}}"), 1);
		assertThat(row(id)).containsEntry("name", "改名地块").containsEntry("version", 2).containsEntry("holder", null);
		assertThat(this.jdbc.sql("SELECT count(*) FROM zonegis.parcel_history WHERE parcel_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theWriterRefusesAnOverlapAndAStaleVersionLikeTheApi() {
		double[] c = TestGround.cell();
		long first = parcels().create(JSON
			.readTree(TestGround.feature(TestGround.code("ogc"), TestGround.rectangle(c[0], c[1], 0.001, 0.001))));
		assertThatThrownBy(() -> parcels().create(JSON.readTree(
				TestGround.feature(TestGround.code("ogc"), TestGround.rectangle(c[0] + 0.0005, c[1], 0.001, 0.001)))))
			.isInstanceOfSatisfying(ApiProblem.class, (p) -> assertThat(p.type()).isEqualTo("red-line-overlap"));
		assertThatThrownBy(() -> parcels().update(first, JSON.readTree("{\"properties\":{\"name\":\"x\"}}"), 5))
			.isInstanceOfSatisfying(ApiProblem.class, (p) -> assertThat(p.status().value()).isEqualTo(412));
	}

	@Test
	void ogcApiPart4RefusesAnOverlappingRedLineAndAStaleVersionOverHttp() {
		SecurityContextHolder.clearContext();
		double[] c = TestGround.cell();
		Http planner = as("planner");
		Http.Response created = planner.post("/ogc/collections/parcels/items",
				TestGround.feature(TestGround.code("ogc"), TestGround.rectangle(c[0], c[1], 0.001, 0.001)));
		assertThat(created.status()).isEqualTo(201);
		Http.Response overlapping = planner.post("/ogc/collections/parcels/items",
				TestGround.feature(TestGround.code("ogc"), TestGround.rectangle(c[0] + 0.0005, c[1], 0.001, 0.001)));
		assertThat(overlapping.status()).isEqualTo(409);
		assertThat(overlapping.json().get("type").asString()).endsWith("/red-line-overlap");
		Http.Response stale = planner.send("PATCH", java.net.URI.create(created.header("Location")).getPath(),
				"{\"properties\":{\"name\":\"x\"}}",
				Map.of("Content-Type", "application/merge-patch+json", "If-Match", "\"9\""));
		assertThat(stale.status()).isEqualTo(412);
	}

	@Test
	void aZoneIsPatchedThroughItsWriter() {
		double[] c = TestGround.cell();
		FeatureWriter zones = this.registry.writer("expansion_zones").orElseThrow();
		long id = zones.create(JSON.readTree("""
				{"type":"Feature","geometry":%s,"properties":{"code":"%s","name":"扩区","kind":"contiguous_development"}}
				""".formatted(TestGround.rectangle(c[0], c[1], 0.002, 0.002), TestGround.code("zone"))));
		zones.update(id, JSON.readTree("{\"properties\":{\"status\":\"approved\",\"approved_on\":\"2026-05-01\"}}"), 1);
		assertThat(this.jdbc.sql("SELECT status FROM zonegis.expansion_zone WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("approved");
	}

}
