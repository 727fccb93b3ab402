package cn.zonegis.ogc;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * OGC API - Features Part 2: items read and selected in other CRSs, in each CRS's own
 * axis order.
 */
class OgcCrsTests extends IntegrationTest {

	private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

	@Test
	void anItemReadInGaussKrugerMatchesTheStoredGeometryTransformedByPostgisWithinAMillimetre() {
		double[] spot = OgcFixtures.freeSpot();
		long id = OgcFixtures.parcel(this.jdbc, "gk", spot[0], spot[1], "2026-01-01T00:00:00Z");
		Http.Response response = as("viewer").get("/ogc/collections/parcels/items/" + id + "?crs=" + EPSG + "4550");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Crs")).isEqualTo("<" + EPSG + "4550>");
		JsonNode corner = response.json().get("geometry").get("coordinates").get(0).get(0).get(0);
		double[] expected = this.jdbc.sql("""
				SELECT ST_X(p) AS easting, ST_Y(p) AS northing
				FROM (SELECT ST_Transform(ST_PointN(ST_ExteriorRing(ST_GeometryN(geom, 1)), 1), 4550) AS p
					FROM zonegis.parcel WHERE id = :id) x
				""")
			.param("id", id)
			.query((rs, i) -> new double[] { rs.getDouble("easting"), rs.getDouble("northing") })
			.single();
		// EPSG:4550 is X northing, Y easting.
		assertThat(corner.get(0).asDouble()).isCloseTo(expected[1], offset(0.001));
		assertThat(corner.get(1).asDouble()).isCloseTo(expected[0], offset(0.001));
	}

	@Test
	void epsg4326AndEpsg4490AreLatitudeFirstAndCrs84LongitudeFirst() {
		double[] spot = OgcFixtures.freeSpot();
		long id = OgcFixtures.parcel(this.jdbc, "axes", spot[0], spot[1], "2026-01-01T00:00:00Z");
		String item = "/ogc/collections/parcels/items/" + id;
		for (String latFirst : new String[] { EPSG + "4326", EPSG + "4490" }) {
			JsonNode corner = first(as("viewer").get(item + "?crs=" + latFirst).json());
			assertThat(corner.get(0).asDouble()).isCloseTo(spot[1], offset(0.001));
			assertThat(corner.get(1).asDouble()).isCloseTo(spot[0], offset(0.001));
		}
		Http.Response crs84 = as("viewer").get(item);
		assertThat(crs84.header("Content-Crs")).isEqualTo("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
		assertThat(first(crs84.json()).get(0).asDouble()).isCloseTo(spot[0], offset(0.001));
	}

	@Test
	void webMercatorIsEastingFirstInMetres() {
		double[] spot = OgcFixtures.freeSpot();
		long id = OgcFixtures.parcel(this.jdbc, "3857", spot[0], spot[1], "2026-01-01T00:00:00Z");
		JsonNode corner = first(
				as("viewer").get("/ogc/collections/parcels/items/" + id + "?crs=" + EPSG + "3857").json());
		assertThat(corner.get(0).asDouble()).isCloseTo(spot[0] * 20037508.34 / 180, offset(100.0));
	}

	@Test
	void aBboxInEpsg4326IsReadLatitudeFirst() {
		double[] spot = OgcFixtures.freeSpot();
		long id = OgcFixtures.parcel(this.jdbc, "bbox-crs", spot[0], spot[1], "2026-01-01T00:00:00Z");
		double h = 0.0001;
		String latLon = (spot[1] - h) + "," + (spot[0] - h) + "," + (spot[1] + h) + "," + (spot[0] + h);
		JsonNode found = as("viewer").get("/ogc/collections/parcels/items?bbox-crs=" + EPSG + "4326&bbox=" + latLon)
			.json();
		assertThat(OgcCoreTests.ids(found)).contains(id);
	}

	@Test
	void aBboxInGaussKrugerIsReadNorthingFirst() {
		double[] spot = OgcFixtures.freeSpot();
		long id = OgcFixtures.parcel(this.jdbc, "bbox-gk", spot[0], spot[1], "2026-01-01T00:00:00Z");
		double[] centre = this.jdbc.sql("""
				SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(:lon, :lat), 4490), 4550) p) x
				""")
			.param("lon", spot[0])
			.param("lat", spot[1])
			.query((rs, i) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.single();
		String northEast = (centre[1] - 5) + "," + (centre[0] - 5) + "," + (centre[1] + 5) + "," + (centre[0] + 5);
		JsonNode found = as("viewer").get("/ogc/collections/parcels/items?bbox-crs=" + EPSG + "4550&bbox=" + northEast)
			.json();
		assertThat(OgcCoreTests.ids(found)).contains(id);
	}

	@Test
	void anUnsupportedCrsIsABadRequestListingTheSupportedOnes() {
		Http.Response response = as("viewer").get("/ogc/collections/parcels/items?crs=" + EPSG + "2000");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("supported").size()).isEqualTo(5);
	}

	private static JsonNode first(JsonNode feature) {
		return feature.get("geometry").get("coordinates").get(0).get(0).get(0);
	}

}
