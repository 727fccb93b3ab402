package cn.zonegis.tiles;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import cn.zonegis.TestArea;
import cn.zonegis.ZoneGisApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * The tile cache: a repeated tile comes from memory, and an edit committed anywhere (this
 * instance's API, another instance) drops exactly the tiles it touches, so the next read
 * shows the new shape.
 */
class TileCacheTests extends IntegrationTest {

	private static final int Z = 16;

	@Autowired
	private TileCache cache;

	@Autowired
	private TileChanges changes;

	@Autowired
	private PlatformTransactionManager transactions;

	/**
	 * A free spot whose tile at {@link #Z} holds the whole parcel, as drawn and as
	 * widened: clipped at the tile's edge, a wider parcel could look no wider.
	 */
	private static double[] spotWithinOneTile() {
		double[] spot = TestArea.nextSpot();
		while (!Arrays.equals(TileHolding.point(spot[0], spot[1], Z),
				TileHolding.point(spot[0] + 0.0008, spot[1] + 0.0004, Z))) {
			spot = TestArea.nextSpot();
		}
		return spot;
	}

	private static String path(int[] t) {
		return "/tiles/parcels/" + t[0] + "/" + t[1] + "/" + t[2] + ".mvt";
	}

	private static String rectangle(double lon, double lat, double width, double height) {
		return "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}"
			.formatted(lon, lat, lon + width, lat + height);
	}

	private static String feature(String code, String geometry) {
		return """
				{"type":"Feature","geometry":%s,
				 "properties":{"code":"%s","name":"缓存测试","land_use":"工业用地","land_class_code":"0601","holder":"测试公司","note":"test"}}
				"""
			.formatted(geometry, code);
	}

	private HttpResponse<byte[]> fetch(String path, Map<String, String> headers) {
		return as("viewer").bytes(path, headers);
	}

	private HttpResponse<byte[]> fetch(String path) {
		return fetch(path, Map.of());
	}

	private static String etagOf(HttpResponse<byte[]> response) {
		return response.headers().firstValue("ETag").orElse(null);
	}

	/**
	 * The parcel's vertices in the tile, as tile coordinates; empty when it is absent.
	 */
	private static List<int[]> verticesOf(HttpResponse<byte[]> tile, long id) {
		return MvtDecoder.decode(tile.body())
			.get("parcels")
			.features()
			.stream()
			.filter((f) -> f.id() == id)
			.findFirst()
			.map(MvtDecoder.Feature::vertices)
			.orElse(List.of());
	}

	private static int widthIn(List<int[]> vertices) {
		return vertices.stream().mapToInt((v) -> v[0]).max().orElseThrow()
				- vertices.stream().mapToInt((v) -> v[0]).min().orElseThrow();
	}

	private long draw(Http planner, String code, double lon, double lat, double width) {
		Http.Response created = planner.post("/api/parcels", feature(code, rectangle(lon, lat, width, 0.0004)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	@Test
	void anEditThroughTheApiIsInTheNextTileAndAnUntouchedTileKeepsItsETag() {
		double[] spot = spotWithinOneTile();
		int[] t = TileHolding.point(spot[0], spot[1], Z);
		int[] elsewhere = TileHolding.point(122.0313, 37.1778, Z);
		Http planner = as("planner");
		long id = draw(planner, "CACHE-" + System.nanoTime(), spot[0], spot[1], 0.0004);
		HttpResponse<byte[]> before = fetch(path(t));
		HttpResponse<byte[]> untouched = fetch(path(elsewhere));
		assertThat(etagOf(fetch(path(t)))).isEqualTo(etagOf(before));
		assertThat(this.cache.size()).isPositive();
		int widthBefore = widthIn(verticesOf(before, id));

		Http.Response redrawn = planner.put("/api/parcels/" + id,
				feature("CACHE-" + System.nanoTime(), rectangle(spot[0], spot[1], 0.0008, 0.0004)),
				Map.of("Content-Type", "application/json", "If-Match", "\"1\""));
		assertThat(redrawn.status()).as(redrawn.body()).isEqualTo(200);

		HttpResponse<byte[]> after = fetch(path(t));
		assertThat(etagOf(after)).isNotEqualTo(etagOf(before));
		assertThat(widthIn(verticesOf(after, id))).isGreaterThan(widthBefore * 3 / 2);
		assertThat(untouched.statusCode()).isEqualTo(200);
		assertThat(fetch(path(elsewhere), Map.of("If-None-Match", etagOf(untouched))).statusCode()).isEqualTo(304);
		assertThat(fetch(path(t), Map.of("If-None-Match", etagOf(after))).statusCode()).isEqualTo(304);
	}

	@Test
	void anEditThroughAnotherInstanceReachesThisInstancesTiles() {
		double[] spot = spotWithinOneTile();
		int[] t = TileHolding.point(spot[0], spot[1], Z);
		long id = draw(as("planner"), "CACHE-" + System.nanoTime(), spot[0], spot[1], 0.0004);
		HttpResponse<byte[]> before = fetch(path(t));
		int widthBefore = widthIn(verticesOf(before, id));
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(ZoneGisApplication.class)
			.profiles("test")
			.run("--server.port=0", "--zonegis.demo.load=false")) {
			int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
			Http.Response redrawn = new Http(otherPort, "planner", "planner2026").put("/api/parcels/" + id,
					feature("CACHE-" + System.nanoTime(), rectangle(spot[0], spot[1], 0.0008, 0.0004)),
					Map.of("Content-Type", "application/json", "If-Match", "\"1\""));
			assertThat(redrawn.status()).as(redrawn.body()).isEqualTo(200);
		}
		// Every change committed so far has reached this instance's cache.
		this.changes.catchUp();
		HttpResponse<byte[]> after = fetch(path(t));
		assertThat(etagOf(after)).isNotEqualTo(etagOf(before));
		assertThat(widthIn(verticesOf(after, id))).isGreaterThan(widthBefore * 3 / 2);
	}

	/** The ids of the parcels in a tile. */
	private static Set<Long> idsIn(HttpResponse<byte[]> tile) {
		return MvtDecoder.decode(tile.body())
			.get("parcels")
			.features()
			.stream()
			.map(MvtDecoder.Feature::id)
			.collect(Collectors.toSet());
	}

	private String tilesChanged() {
		return this.jdbc.sql("SELECT current_setting('zonegis.tiles_changed', true)").query(String.class).single();
	}

	@Test
	void seventyParcelsWrittenByOneStatementHereAreInTheNextTile() {
		double[] spot = spotWithinOneTile();
		int[] t = TileHolding.point(spot[0], spot[1], Z);
		// Cached as it is before the write; earlier tests may have drawn parcels
		// elsewhere in it.
		assertThat(fetch(path(t)).statusCode()).isIn(200, 204);
		String prefix = "BULK-" + System.nanoTime() + "-";
		String[] changed = new String[1];
		List<Long> ids = new TransactionTemplate(this.transactions).execute((status) -> {
			List<Long> written = this.jdbc
				.sql("""
						INSERT INTO zonegis.parcel (code, name, status, geom, created_by, updated_by)
						SELECT :prefix || i, 'bulk', 'filed', ST_Multi(ST_MakeEnvelope(:lon + (i % 14) * 0.000055,
							:lat + (i / 14) * 0.000055, :lon + (i % 14) * 0.000055 + 0.00004, :lat + (i / 14) * 0.000055 + 0.00004, 4490)),
							'test', 'test'
						FROM generate_series(0, 69) AS i
						RETURNING id
						""")
				.param("prefix", prefix)
				.param("lon", spot[0])
				.param("lat", spot[1])
				.query(Long.class)
				.list();
			changed[0] = tilesChanged();
			return written;
		});
		// More than 64 rows: the committing instance keeps one box around them all.
		assertThat(changed[0].lines()).hasSize(1);
		String[] box = changed[0].split(";")[1].split(" ");
		assertThat(Double.parseDouble(box[0])).isEqualTo(spot[0], offset(1e-9));
		assertThat(Double.parseDouble(box[3])).isEqualTo(spot[1] + 4 * 0.000055 + 0.00004, offset(1e-9));
		assertThat(idsIn(fetch(path(t)))).containsAll(ids);
	}

	@Test
	void aTransactionTooLargeToListDropsEveryTileAtItsCommit() {
		double[] spot = spotWithinOneTile();
		int[] t = TileHolding.point(spot[0], spot[1], Z);
		long id = draw(as("planner"), "CACHE-" + System.nanoTime(), spot[0], spot[1], 0.0004);
		HttpResponse<byte[]> before = fetch(path(t));
		int widthBefore = widthIn(verticesOf(before, id));
		String[] listed = { "", "" };
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			// Statement after statement until the list has outgrown the 64 kB it may
			// hold:
			// how many that takes depends on how long the spot's coordinates print.
			for (int i = 0; i < 5000 && !"*".equals(listed[1]); i++) {
				this.jdbc
					.sql("""
							UPDATE zonegis.parcel SET geom = ST_Multi(ST_MakeEnvelope(:lon, :lat, :lon + 0.0008, :lat + 0.0004, 4490))
							WHERE id = :id
							""")
					.param("lon", spot[0])
					.param("lat", spot[1])
					.param("id", id)
					.update();
				listed[0] = listed[1];
				listed[1] = tilesChanged();
			}
		});
		assertThat(listed[1]).isEqualTo("*");
		assertThat(listed[0].length()).isGreaterThan(64 * 1024);
		assertThat(widthIn(verticesOf(fetch(path(t)), id))).isGreaterThan(widthBefore * 3 / 2);
	}

}
