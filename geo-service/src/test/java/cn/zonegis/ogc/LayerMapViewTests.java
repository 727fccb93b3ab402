package cn.zonegis.ogc;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.TestArea;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertBadParameter;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/map/{layer}: a point layer over one view of the map, never more than a
 * thousand features, clusters with exact counts beyond.
 */
class LayerMapViewTests extends IntegrationTest {

	private static final int MANY = FeatureRepository.MAP_FEATURES + 200;

	@Test
	void aViewWithFewOrdersGetsThoseOrdersThemselves() {
		double[] cell = TestArea.nextCell();
		String bbox = box(cell[0], cell[1], cell[0] + TestArea.CELL, cell[1] + TestArea.CELL);
		String description = "map view few " + System.nanoTime();
		insertOrders(cell, 3, description);
		try {
			JsonNode view = as("viewer").get("/api/map/work_orders?zoom=17&bbox=" + bbox).json();
			assertThat(view.get("clustered").asBoolean()).isFalse();
			Set<Long> ids = new HashSet<>();
			view.get("features").forEach((feature) -> ids.add(feature.get("id").asLong()));
			assertThat(ids).isEqualTo(new HashSet<>(ordersIn(bbox)));
			assertThat(view.get("numberMatched").asLong()).isEqualTo(ids.size());
			assertThat(view.get("features").get(0).get("properties").has("state")).as("the layer's own properties")
				.isTrue();
		}
		finally {
			deleteOrders(description);
		}
	}

	@Test
	void aViewWithMoreThanAThousandOrdersGetsClustersThatCountEveryOne() {
		double[] cell = TestArea.nextCell();
		String bbox = box(cell[0], cell[1], cell[0] + TestArea.CELL, cell[1] + TestArea.CELL);
		String description = "map view many " + System.nanoTime();
		insertOrders(cell, MANY, description);
		try {
			Http.Response response = as("viewer").get("/api/map/work_orders?zoom=12&bbox=" + bbox);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.contentType()).startsWith("application/geo+json");
			JsonNode view = response.json();
			assertThat(view.get("clustered").asBoolean()).isTrue();
			long counted = 0;
			for (JsonNode cluster : view.get("features")) {
				assertThat(cluster.get("properties").get("cluster").asBoolean()).isTrue();
				counted += cluster.get("properties").get("count").asLong();
				JsonNode members = cluster.get("bbox");
				JsonNode at = cluster.get("geometry").get("coordinates");
				assertThat(at.get(0).asDouble()).isBetween(members.get(0).asDouble(), members.get(2).asDouble());
				assertThat(at.get(1).asDouble()).isBetween(members.get(1).asDouble(), members.get(3).asDouble());
			}
			long inBox = ordersIn(bbox).size();
			assertThat(inBox).isGreaterThanOrEqualTo(MANY);
			assertThat(counted).as("every order in the view is in one cluster").isEqualTo(inBox);
			assertThat(view.get("numberMatched").asLong()).isEqualTo(inBox);
			// 0.003° is a few pixels at zoom 12: the cells of 80 px meet in at most four.
			assertThat(view.get("features").size()).isBetween(1, 4);
		}
		finally {
			deleteOrders(description);
		}
	}

	@Test
	void aViewNeedsAPointLayerAZoomAndABox() {
		Http viewer = as("viewer");
		String bbox = "&bbox=121.9,37.0,122.2,37.3";
		assertBadParameter(viewer.get("/api/map/parcels?zoom=14" + bbox), "layer");
		Http.Response zoom = viewer.get("/api/map/work_orders?zoom=99" + bbox);
		assertBadParameter(zoom, "zoom");
		assertThat(viewer.get("/api/map/work_orders?zoom=14").status()).isEqualTo(400);
		assertThat(viewer.get("/api/map/work_orders?zoom=14&bbox=1,2,3").status()).isEqualTo(400);
	}

	private static String box(double minLon, double minLat, double maxLon, double maxLat) {
		return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", minLon, minLat, maxLon, maxLat);
	}

	private List<Long> ordersIn(String bbox) {
		String[] c = bbox.split(",");
		return this.jdbc.sql("""
				SELECT id FROM zonegis.work_order
				WHERE ST_Intersects(geom, ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4490))
				""")
			.param("minLon", Double.parseDouble(c[0]))
			.param("minLat", Double.parseDouble(c[1]))
			.param("maxLon", Double.parseDouble(c[2]))
			.param("maxLat", Double.parseDouble(c[3]))
			.query(Long.class)
			.list();
	}

	/** Orders spread over the cell's inside on a square grid, in one statement. */
	private void insertOrders(double[] cell, int count, String description) {
		int side = (int) Math.ceil(Math.sqrt(count));
		this.jdbc
			.sql("""
					INSERT INTO zonegis.work_order (code, kind, description, reported_by, due_at, geom, created_by, updated_by)
					SELECT concat('MAPVIEW-', :description, '-', i), 'other', :description, 'dispatcher',
						now() + interval '1 day',
						ST_SetSRID(ST_MakePoint(:lon + :step * (1 + i % :side), :lat + :step * (1 + i / :side)), 4490),
						'test', 'test'
					FROM generate_series(0, :count - 1) i
					""")
			.param("description", description)
			.param("lon", cell[0])
			.param("lat", cell[1])
			.param("step", TestArea.CELL / (side + 2))
			.param("side", side)
			.param("count", count)
			.update();
	}

	private void deleteOrders(String description) {
		this.jdbc.sql("DELETE FROM zonegis.work_order WHERE description = :description")
			.param("description", description)
			.update();
	}

}
