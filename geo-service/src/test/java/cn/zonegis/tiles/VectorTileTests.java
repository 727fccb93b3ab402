package cn.zonegis.tiles;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.TestArea;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertBadParameter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** /tiles: vector tiles decoded and compared with what PostGIS says lies in the tile. */
class VectorTileTests extends IntegrationTest {

	@Autowired
	private TileChanges changes;

	private HttpResponse<byte[]> fetch(String path, Map<String, String> headers) {
		return as("viewer").bytes(path, headers);
	}

	/**
	 * A parcel written in plain SQL, as another writer would, and heard by the tile
	 * cache.
	 */
	private long parcelAt(double lon, double lat, String name) {
		long id = this.jdbc
			.sql("""
					INSERT INTO zonegis.parcel (code, name, status, geom, created_by, updated_by)
					VALUES (:code, :name, 'filed',
						ST_Multi(ST_MakeEnvelope(:lon - 0.0003, :lat - 0.0002, :lon + 0.0003, :lat + 0.0002, 4490)), 'test', 'test')
					RETURNING id
					""")
			.param("code", "TILE-" + UUID.randomUUID())
			.param("name", name)
			.param("lon", lon)
			.param("lat", lat)
			.query(Long.class)
			.single();
		this.changes.catchUp();
		return id;
	}

	@Test
	void aKnownTileHoldsExactlyTheParcelsPostgisPutsInItWithTheirStyleAttributes() {
		double[] spot = TestArea.nextSpot();
		double lon = spot[0];
		double lat = spot[1];
		long id = parcelAt(lon, lat, "tile");
		int[] t = TileHolding.point(lon, lat, 16);
		HttpResponse<byte[]> response = fetch("/tiles/parcels/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt", Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse(""))
			.startsWith("application/vnd.mapbox-vector-tile");
		MvtDecoder.Layer layer = MvtDecoder.decode(response.body()).get("parcels");
		Set<Long> inTile = new HashSet<>();
		layer.features().forEach((f) -> inTile.add(f.id()));
		Set<Long> expected = new HashSet<>(this.jdbc.sql("""
				SELECT id FROM zonegis.parcel
				WHERE ST_Intersects(geom, ST_Transform(ST_TileEnvelope(:z, :x, :y), 4490))
				""").param("z", t[0]).param("x", t[1]).param("y", t[2]).query(Long.class).list());
		assertThat(inTile).contains(id).isEqualTo(expected);
		MvtDecoder.Feature parcel = layer.features().stream().filter((f) -> f.id() == id).findFirst().orElseThrow();
		assertThat(parcel.type()).isEqualTo(3);
		assertThat(parcel.properties()).containsEntry("status", "filed");
		// The south-west corner, back from tile coordinates to degrees, is where it was
		// stored.
		int minX = parcel.vertices().stream().mapToInt((v) -> v[0]).min().orElseThrow();
		double cornerLon = (t[1] + minX / (double) layer.extent()) / (1 << t[0]) * 360 - 180;
		assertThat(cornerLon).isCloseTo(lon - 0.0003, offset(360.0 / (1 << t[0]) / layer.extent() * 2));
	}

	@Test
	void tilesCarryAnETagAndCacheControlAndAnswerNotModified() {
		double[] spot = TestArea.nextSpot();
		double lon = spot[0];
		double lat = spot[1];
		parcelAt(lon, lat, "etag");
		int[] t = TileHolding.point(lon, lat, 15);
		String path = "/tiles/parcels/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt";
		HttpResponse<byte[]> first = fetch(path, Map.of());
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=");
		assertThat(fetch(path, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
		// RFC 9110 §13.1.2: any tag, a list holding it, or the tag compared weakly.
		for (String ifNoneMatch : new String[] { "*", "\"other\", " + etag, "W/" + etag }) {
			assertThat(fetch(path, Map.of("If-None-Match", ifNoneMatch)).statusCode()).as(ifNoneMatch).isEqualTo(304);
		}
		assertThat(fetch(path, Map.of("If-None-Match", "\"other\"")).statusCode()).isEqualTo(200);
	}

	/** The web map adds v=n to fetch a layer's tiles again after an edit. */
	@Test
	void theMapsRefreshCounterGetsTheSameTile() {
		double[] spot = TestArea.nextSpot();
		parcelAt(spot[0], spot[1], "refresh");
		int[] t = TileHolding.point(spot[0], spot[1], 15);
		String path = "/tiles/parcels/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt";
		HttpResponse<byte[]> plain = fetch(path, Map.of());
		HttpResponse<byte[]> refreshed = fetch(path + "?v=3", Map.of());
		assertThat(refreshed.statusCode()).isEqualTo(200);
		assertThat(refreshed.body()).isEqualTo(plain.body());
		assertThat(refreshed.headers().firstValue("ETag")).isEqualTo(plain.headers().firstValue("ETag"));
	}

	@Test
	void anEmptyTileAndATileOutsideTheZoomRangeAreNoContent() {
		assertThat(fetch("/tiles/parcels/16/0/0.mvt", Map.of()).statusCode()).isEqualTo(204);
		assertThat(fetch("/tiles/parcels/3/6/3.mvt", Map.of()).statusCode()).isEqualTo(204);
	}

	@Test
	void tileJsonDescribesTheLayerItsZoomsAndFields() {
		Http.Response response = as("viewer").get("/tiles/parcels.json");
		assertThat(response.status()).isEqualTo(200);
		JsonNode tileJson = response.json();
		assertThat(tileJson.get("tilejson").asString()).isEqualTo("3.0.0");
		assertThat(tileJson.get("tiles").get(0).asString())
			.isEqualTo("http://localhost:" + this.port + "/tiles/parcels/{z}/{x}/{y}.mvt");
		assertThat(tileJson.get("minzoom").asInt()).isEqualTo(10);
		assertThat(tileJson.get("bounds").size()).isEqualTo(4);
		JsonNode fields = tileJson.get("vector_layers").get(0).get("fields");
		assertThat(fields.get("status").asString()).isEqualTo("String");
		assertThat(fields.get("id").asString()).isEqualTo("Number");
	}

	@Test
	void everyCollectionHasTiles() {
		for (JsonNode layer : as("viewer").get("/api/layers").json()) {
			String id = layer.get("id").asString();
			assertThat(as("viewer").get("/tiles/" + id + ".json").status()).isEqualTo(200);
			int[] t = TileHolding.point(122.05, 37.19, layer.get("minZoom").asInt());
			int status = fetch("/tiles/" + id + "/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt", Map.of()).statusCode();
			assertThat(status).as(id).isIn(200, 204);
		}
	}

	@Nested
	class Refused {

		@ParameterizedTest
		@ValueSource(strings = { "3/8/0", "3/0/8", "23/0/0", "-1/0/0", "5/-1/0" })
		void aTileOffTheGridIsAnInvalidTileAddress(String zxy) {
			HttpResponse<byte[]> response = fetch("/tiles/parcels/" + zxy + ".mvt", Map.of("Accept-Language", "en"));
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("invalid tile address");
		}

		@Test
		void anInvalidTileAddressIsQuotedWithTheDigitsSent() {
			HttpResponse<byte[]> response = fetch("/tiles/parcels/15/1/99999.mvt", Map.of());
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("15/1/99999")
				.doesNotContain("99,999");
		}

		@Test
		void aNonNumericTileIsABadRequest() {
			assertThat(fetch("/tiles/parcels/a/b/c.mvt", Map.of()).statusCode()).isEqualTo(400);
		}

		@ParameterizedTest
		@ValueSource(strings = { "/tiles/parcels/15/27493/12732.mvt?foo=1",
				"/tiles/parcels/15/27493/12732.mvt?v=1&foo=1", "/tiles/parcels.json?foo=1" })
		void anUnknownParameterIsABadRequestNamingIt(String path) {
			assertBadParameter(as("viewer").get(path), "foo");
		}

		@Test
		void anUnknownCollectionIsNotFound() {
			assertThat(fetch("/tiles/no_such/10/0/0.mvt", Map.of()).statusCode()).isEqualTo(404);
			assertThat(as("viewer").get("/tiles/no_such.json").status()).isEqualTo(404);
		}

	}

}
