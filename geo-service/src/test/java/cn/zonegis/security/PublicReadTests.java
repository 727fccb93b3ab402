package cn.zonegis.security;

import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With public reading switched on, anyone may read the layers, OGC and tiles; writes
 * still need a role.
 */
@TestPropertySource(properties = "zonegis.security.public-read=true")
class PublicReadTests extends IntegrationTest {

	@Test
	void anyoneMayReadLayersFeaturesAndTiles() {
		assertThat(anonymous().get("/api/parcels?bbox=122.03,37.17,122.06,37.20").status()).isEqualTo(200);
		assertThat(anonymous().get("/ogc/collections/roads/items?limit=1").status()).isEqualTo(200);
		assertThat(anonymous().get("/tiles/roads.json").status()).isEqualTo(200);
	}

	@Test
	void writesStillNeedARole() {
		long before = rowCount("parcel");
		assertThat(anonymous().post("/api/parcels", "{\"type\":\"Feature\"}").status()).isIn(401, 403);
		assertThat(rowCount("parcel")).isEqualTo(before);
	}

	@Test
	void theAdminEndpointsStayClosed() {
		assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
	}

}
