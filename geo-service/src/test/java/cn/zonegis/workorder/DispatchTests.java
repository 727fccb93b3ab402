package cn.zonegis.workorder;

import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.zonegis.Http;
import cn.zonegis.tiles.MvtDecoder;
import cn.zonegis.tiles.TileHolding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.JsonMembers.memberWith;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Crews, the suggestions for an order, dispatch, and what a crew member sees and may do.
 */
class DispatchTests extends WorkOrderTest {

	@Test
	void crewsAreALayerWithTheirSkillsAndOpenWorkload() {
		long busy = crew("road_repair", LON, LAT, true);
		long id = reportAt("road_repair").get("id").asLong();
		dispatch(as("dispatcher"), id, busy);
		Http.Response response = as("viewer").get("/api/crews");
		assertThat(response.contentType()).startsWith("application/geo+json");
		JsonNode crew = find(response.json().get("features"), busy);
		assertThat(crew.get("properties").get("skills")).extracting(JsonNode::asString).containsExactly("road_repair");
		assertThat(crew.get("properties").get("open_workload").asInt()).isEqualTo(1);
		assertThat(crew.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(LON);
	}

	@Test
	void suggestionsRankSkilledCrewsByStraightLineDistanceAndWorkload() {
		// About 1.1 km and 2.2 km north of the order: the nearer skilled crew has two
		// open orders (2 km).
		long nearButBusy = crew("greening", LON, LAT + 0.01, true);
		long farButFree = crew("greening", LON, LAT + 0.02, true);
		long closestUnskilled = crew("cable_repair", LON, LAT + 0.001, true);
		long inactive = crew("greening", LON, LAT, false);
		for (int i = 0; i < 2; i++) {
			dispatch(as("dispatcher"), reportAt("greening").get("id").asLong(), nearButBusy);
		}
		long id = reportAt("greening").get("id").asLong();

		JsonNode answer = as("dispatcher").get("/api/workorders/" + id + "/suggestions").json();
		assertThat(answer.get("distanceKind").asString()).isEqualTo("straight_line");
		List<Long> order = new ArrayList<>();
		answer.get("crews").forEach((c) -> order.add(c.get("crewId").asLong()));
		assertThat(order).doesNotContain(inactive);
		assertThat(order.indexOf(farButFree)).isLessThan(order.indexOf(nearButBusy));
		assertThat(order.indexOf(nearButBusy)).isLessThan(order.indexOf(closestUnskilled));
		JsonNode near = find(answer.get("crews"), nearButBusy);
		assertThat(near.get("distanceM").asDouble()).isCloseTo(1110, within(10.0));
		assertThat(near.get("openWorkload").asInt()).isEqualTo(2);
		assertThat(near.get("skillMatch").asBoolean()).isTrue();
		assertThat(find(answer.get("crews"), closestUnskilled).get("skillMatch").asBoolean()).isFalse();
	}

	@Test
	void theOpenWorkloadIsCountedFromAnIndexOfExactlyTheOrdersWithACrew() {
		String indexed = this.jdbc.sql("""
				SELECT pg_get_expr(indpred, indrelid) FROM pg_index
				WHERE indexrelid = 'zonegis.work_order_open_crew_idx'::regclass""").query(String.class).single();
		for (WorkOrderLifecycle state : WorkOrderLifecycle.values()) {
			assertThat(indexed.contains("'" + state.value() + "'")).as(state.value())
				.isEqualTo(WorkOrderLifecycle.withCrew().contains(state));
		}
	}

	@Test
	void dispatchAssignsTheCrewAndRecordsTheNote() {
		long crewId = crew("road_repair", LON, LAT, true);
		long id = reportAt("road_repair").get("id").asLong();
		Http.Response response = dispatch(as("dispatcher"), id, crewId);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("state").asString()).isEqualTo("dispatched");
		assertThat(response.json().get("crewId").asLong()).isEqualTo(crewId);
		assertThat(response.json().get("crewName").asString()).startsWith(TEST);
		JsonNode events = as("viewer").get("/api/workorders/" + id).json().get("events");
		assertThat(events.get(1).get("note").asString()).isEqualTo("派单");
	}

	@Nested
	class CrewMembers {

		@Test
		void seeOnlyTheirOwnCrewsOrders() {
			long mine = crew("road_repair", LON, LAT, true);
			long theirs = crew("road_repair", LON, LAT, true);
			String member = crewMember(mine);
			long myOrder = reportAt("road_repair").get("id").asLong();
			long otherOrder = reportAt("road_repair").get("id").asLong();
			dispatch(as("dispatcher"), myOrder, mine);
			dispatch(as("dispatcher"), otherOrder, theirs);

			List<Long> listed = new ArrayList<>();
			as(member).get("/api/workorders").json().get("features").forEach((f) -> listed.add(f.get("id").asLong()));
			assertThat(listed).contains(myOrder).doesNotContain(otherOrder);
			assertThat(as(member).get("/api/workorders/" + myOrder).status()).isEqualTo(200);
			assertProblem(as(member).get("/api/workorders/" + otherOrder), 404, "not-found");
			assertThat(as(member).get("/api/workorders/stats").json().get("total").asLong()).isEqualTo(listed.size());
		}

		@Test
		void cannotStepAnotherCrewsOrderNorLearnItExists() {
			long mine = crew("road_repair", LON, LAT, true);
			long theirs = crew("road_repair", LON, LAT, true);
			String member = crewMember(mine);
			long otherOrder = reportAt("road_repair").get("id").asLong();
			dispatch(as("dispatcher"), otherOrder, theirs);
			assertProblem(step(as(member), otherOrder, to("in_progress")), 404, "not-found");
			assertThat(state(otherOrder)).isEqualTo("dispatched");
		}

		/**
		 * Every other way to read orders (OGC API, search, the layer, the map's view and
		 * its tiles) keeps a crew member to what /api/workorders shows them, even right
		 * after a dispatcher has had the whole tile.
		 */
		@Test
		void seeNoOtherCrewsOrderThroughOgcSearchTheMapOrTiles() {
			long mine = crew("road_repair", LON, LAT, true);
			long theirs = crew("road_repair", LON, LAT, true);
			String member = crewMember(mine);
			JsonNode myOrder = reportAt("road_repair");
			JsonNode otherOrder = reportAt("road_repair");
			dispatch(as("dispatcher"), myOrder.get("id").asLong(), mine);
			dispatch(as("dispatcher"), otherOrder.get("id").asLong(), theirs);
			long myId = myOrder.get("id").asLong();
			long otherId = otherOrder.get("id").asLong();
			String box = "bbox=%s,%s,%s,%s".formatted(LON - 0.001, LAT - 0.001, LON + 0.001, LAT + 0.001);
			int[] tile = TileHolding.point(LON, LAT, 18);
			String tilePath = "/tiles/work_orders/%d/%d/%d.mvt".formatted(tile[0], tile[1], tile[2]);
			for (String path : List.of("/ogc/collections/work_orders/items?limit=10000&" + box,
					"/api/work_orders?" + box, "/api/map/work_orders?zoom=18&" + box)) {
				assertThat(ids(as("dispatcher").get(path).json().get("features"))).as(path).contains(myId, otherId);
				assertThat(ids(as(member).get(path).json().get("features"))).as(path)
					.contains(myId)
					.doesNotContain(otherId);
			}
			assertThat(tileIds(as("dispatcher"), tilePath)).contains(myId, otherId);
			assertThat(tileIds(as(member), tilePath)).contains(myId).doesNotContain(otherId);
			assertThat(as(member).get("/ogc/collections/work_orders/items/" + otherId).status()).isEqualTo(404);
			String search = "/api/search?q=" + otherOrder.get("code").asString();
			assertThat(as("dispatcher").get(search).json().findValues("id")).extracting(JsonNode::asLong)
				.contains(otherId);
			assertThat(as(member).get(search).json().findValues("id")).extracting(JsonNode::asLong)
				.doesNotContain(otherId);
		}

		/**
		 * The extent /ogc/collections and the TileJSON bounds give a crew member are
		 * those of the orders they may read, even right after a dispatcher was given the
		 * whole collection's.
		 */
		@Test
		void seeTheExtentOfTheirOwnOrdersOnly() {
			long mine = crew("road_repair", LON, LAT, true);
			long theirs = crew("road_repair", LON, LAT, true);
			String member = crewMember(mine);
			List<Long> ids = new ArrayList<>();
			for (double[] at : new double[][] { { LON - 0.01, LAT + 0.004 }, { LON + 0.006, LAT - 0.003 } }) {
				ids.add(report(atPoint("road_repair", "normal", at[0], at[1])).get("id").asLong());
				dispatch(as("dispatcher"), ids.get(ids.size() - 1), mine);
			}
			long other = report(atPoint("road_repair", "normal", LON + 0.03, LAT + 0.03)).get("id").asLong();
			dispatch(as("dispatcher"), other, theirs);
			assertThat(as("dispatcher").get("/ogc/collections/work_orders").status()).isEqualTo(200);

			JsonNode collection = as(member).get("/ogc/collections/work_orders").json();
			JsonNode bounds = as(member).get("/tiles/work_orders.json").json().get("bounds");
			double[] expected = { LON - 0.01, LAT - 0.003, LON + 0.006, LAT + 0.004 };
			for (int i = 0; i < 4; i++) {
				assertThat(extentBox(collection).get(i).asDouble()).as("bbox[%d]", i)
					.isCloseTo(expected[i], within(1e-5));
				assertThat(bounds.get(i).asDouble()).as("bounds[%d]", i).isCloseTo(expected[i], within(1e-5));
			}
			List<String> interval = DispatchTests.this.jdbc.sql("""
					SELECT min(updated_at) AS first_at, max(updated_at) AS last_at
					FROM zonegis.work_order WHERE id IN (:ids)
					""")
				.param("ids", ids)
				.query((rs, i) -> List.of(instant(rs, "first_at"), instant(rs, "last_at")))
				.single();
			assertThat(collection.get("extent").get("temporal").get("interval").get(0)).extracting(JsonNode::asString)
				.isEqualTo(interval);
			JsonNode listed = memberWith(as(member).get("/ogc/collections").json().get("collections"), "id",
					"work_orders");
			assertThat(listed.get("extent")).isEqualTo(collection.get("extent"));
		}

		private static String instant(ResultSet rs, String column) throws SQLException {
			return rs.getObject(column, OffsetDateTime.class).toInstant().toString();
		}

		private static JsonNode extentBox(JsonNode collection) {
			return collection.get("extent").get("spatial").get("bbox").get(0);
		}

		private static List<Long> ids(JsonNode features) {
			List<Long> ids = new ArrayList<>();
			features.forEach((f) -> ids.add(f.get("id").asLong()));
			return ids;
		}

		private static List<Long> tileIds(Http client, String path) {
			HttpResponse<byte[]> response = client.bytes(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return MvtDecoder.decode(response.body())
				.get("work_orders")
				.features()
				.stream()
				.map(MvtDecoder.Feature::id)
				.toList();
		}

		@Test
		void mayNotDispatch() {
			String member = crewMember(crew("road_repair", LON, LAT, true));
			long id = reportAt("road_repair").get("id").asLong();
			assertProblem(dispatch(as(member), id, 1), 403, "forbidden");
		}

		@Test
		void theDemoCrewMemberSeesOnlyTheDemoCrewsOrdersAndWhatTheyReported() {
			Long crewId = crewOf("crew");
			JsonNode features = as("crew").get("/api/workorders").json().get("features");
			assertThat(features.size()).isPositive();
			features.forEach((f) -> {
				JsonNode p = f.get("properties");
				boolean ours = !p.get("crewId").isNull() && p.get("crewId").asLong() == crewId;
				assertThat(ours || "crew".equals(p.get("reportedBy").asString())).as(f.toString()).isTrue();
			});
		}

	}

	Long crewOf(String username) {
		return this.jdbc.sql("SELECT crew_id FROM zonegis.app_user WHERE username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	static JsonNode find(JsonNode array, long id) {
		for (JsonNode node : array) {
			JsonNode key = node.has("crewId") ? node.get("crewId") : node.get("id");
			if (key.asLong() == id) {
				return node;
			}
		}
		throw new AssertionError("no " + id + " in " + array);
	}

}
