package cn.zonegis.ogc;

import java.util.Map;
import java.util.UUID;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment that wants every /ogc edit made from a version the client read sets
 * {@code zonegis.ogc.require-if-match=true}: QGIS cannot edit then. The context of its
 * own is closed after the class, so its connections go back to the shared cluster.
 */
@TestPropertySource(properties = "zonegis.ogc.require-if-match=true")
@DirtiesContext
class RequiredIfMatchTests extends IntegrationTest {

	private static final String ITEMS = "/ogc/collections/streetlights/items";

	@Test
	void aWriteWithoutIfMatchIsPreconditionRequiredAndChangesNothing() {
		Http planner = as("planner");
		String code = "SL-" + UUID.randomUUID();
		Http.Response created = planner.send("POST", ITEMS, """
				{"type": "Feature", "geometry": {"type": "Point", "coordinates": [122.05, 37.19]},
				 "properties": {"code": "%s", "circuit": "OGC-1", "state": "normal"}}
				""".formatted(code), Map.of("Content-Type", "application/geo+json"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String item = created.header("Location").substring(created.header("Location").indexOf("/ogc"));

		Http.Response response = planner.send("PATCH", item, "{\"properties\":{\"state\":\"off\"}}",
				Map.of("Content-Type", "application/merge-patch+json"));
		assertProblem(response, 428);
		assertThat(planner.send("DELETE", item, null, Map.of()).status()).isEqualTo(428);

		assertThat(planner.get(item).json().get("properties").get("state").asString()).isEqualTo("normal");
		assertThat(planner.send("DELETE", item, null, Map.of("If-Match", "\"1\"")).status()).isEqualTo(204);
	}

}
