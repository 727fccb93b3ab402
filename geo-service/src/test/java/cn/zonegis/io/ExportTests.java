package cn.zonegis.io;

import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static cn.zonegis.Problems.assertBadParameter;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/parcels/export: any selection, every format, hostile parameters refused. */
class ExportTests extends IntegrationTest {

	private FileClient viewer() {
		return new FileClient(this.port, "viewer");
	}

	@Test
	void bboxAndStatusSelectExactlyTheMatchingParcels() {
		String bbox = "122.03,37.17,122.06,37.20";
		long expected = this.jdbc.sql("""
				SELECT count(*) FROM zonegis.parcel
				WHERE status = 'planned' AND ST_Intersects(geom, ST_MakeEnvelope(122.03, 37.17, 122.06, 37.20, 4490))
				""").query(Long.class).single();
		FileClient.Result result = viewer().download("format=geojson&status=planned&bbox=" + bbox);
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.contentType()).startsWith("application/geo+json");
		JsonNode features = result.json().get("features");
		assertThat(features.size()).isEqualTo((int) expected);
		assertThat(features.findValuesAsString("status")).containsOnly("planned");
	}

	@ParameterizedTest
	@ValueSource(strings = { "txt", "shp", "kml", "kmz", "gpkg", "dxf" })
	void aViewerExportsTheSelectionAsAFile(String format) {
		long id = this.jdbc.sql("SELECT min(id) FROM zonegis.parcel WHERE status = 'planned'")
			.query(Long.class)
			.single();
		FileClient.Result result = viewer().download("format=" + format + "&ids=" + id);
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body().length).isPositive();
		assertThat(result.contentType()).startsWith(FileFormat.parse(format).mediaType());
	}

	@Test
	void txtExportWritesTheChosenZoneWithItsPrefix() {
		long id = this.jdbc.sql("SELECT min(id) FROM zonegis.parcel WHERE status = 'planned'")
			.query(Long.class)
			.single();
		FileClient.Result result = viewer().download("format=txt&srid=4550&zonePrefix=true&encoding=UTF-8&ids=" + id);
		assertThat(result.contentType()).isEqualTo("text/plain;charset=UTF-8");
		TxtFile file = TxtReader.read(result.body(), null);
		assertThat(file.attribute(TxtFile.ZONE)).isEqualTo("41");
		TxtFile.Point first = file.parcels().get(0).rings().get(0).points().get(0);
		assertThat(GaussKruger.zonePrefixOf(first.easting())).isEqualTo(41);
		assertThat(first.northing()).isBetween(4_000_000.0, 4_300_000.0);
	}

	@Nested
	class Refusals {

		@Test
		void idsThatAreNotNumbersAreABadRequest() {
			FileClient.Result result = viewer().download("format=geojson&ids=1;DROP%20TABLE%20parcel");
			assertThat(result.status()).isEqualTo(400);
		}

		@Test
		void aBboxOffTheGlobeIsABadRequest() {
			assertThat(viewer().download("format=geojson&bbox=0,0,200,95").status()).isEqualTo(400);
		}

		@Test
		void anUnknownStatusIsABadRequest() {
			assertThat(viewer().download("format=geojson&status=planned'--").status()).isEqualTo(400);
		}

		@Test
		void txtInACrsThatIsNotGaussKrugerIsABadRequest() {
			FileClient.Result result = viewer().download("format=txt&srid=4326");
			assertBadParameter(result, "srid");
		}

		@Test
		void anUnknownFormatIsABadRequest() {
			assertThat(viewer().download("format=exe").status()).isEqualTo(400);
		}

	}

}
