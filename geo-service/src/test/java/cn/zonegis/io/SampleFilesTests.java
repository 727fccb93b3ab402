package cn.zonegis.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import cn.zonegis.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample in gis-data/samples (six demo parcels moved onto empty ground, one with a
 * hole) imports as a dry run and for real, and exports back in its own format, which
 * imports again.
 */
class SampleFilesTests extends IntegrationTest {

	private static final int SAMPLE_PARCELS = 6;

	static byte[] sample(String fileName) {
		try (InputStream in = SampleFilesTests.class.getResourceAsStream("/zonegis/samples/" + fileName)) {
			assertThat(in).as(fileName).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** DXF carries no CRS: the user names the one the CAD drawing was made in. */
	private static String crsParameter(String format) {
		return "dxf".equals(format) ? "&srid=4550" : "";
	}

	@ParameterizedTest
	@ValueSource(strings = { "txt", "shp", "kml", "kmz", "gpkg", "dxf", "geojson" })
	void sampleImportsAndExportsBackInItsOwnFormat(String format) {
		FileClient planner = new FileClient(this.port, "planner");
		String fileName = "parcels." + FileFormat.parse(format).extension();
		String query = "format=" + format + crsParameter(format);

		JsonNode dryRun = planner.upload(query + "&dryRun=true", fileName, sample(fileName)).json();
		assertThat(dryRun.get("features").asInt()).isEqualTo(SAMPLE_PARCELS);
		assertThat(dryRun.get("refused").asInt()).as(dryRun.toString()).isZero();
		assertThat(dryRun.get("items").findValuesAsString("code")).allMatch((code) -> code.startsWith("YP-"));
		assertThat(dryRun.get("crs").asString()).isNotBlank();

		FileClient.Result real = planner.upload(query + "&dryRun=false", fileName, sample(fileName));
		assertThat(real.status()).as(real.text()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		real.json().get("ids").forEach((id) -> ids.add(id.asString()));
		assertThat(ids).hasSize(SAMPLE_PARCELS);
		assertThat(this.jdbc.sql("SELECT count(*) FROM zonegis.parcel WHERE code LIKE 'YP-%' AND status = 'planned'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(SAMPLE_PARCELS);

		FileClient.Result exported = planner.download("format=" + format + "&ids=" + String.join(",", ids));
		assertThat(exported.status()).as(exported.text()).isEqualTo(200);
		JsonNode again = planner
			.upload(query + "&dryRun=true", "again." + FileFormat.parse(format).extension(), exported.body())
			.json();
		assertThat(again.get("features").asInt()).as(again.toString()).isEqualTo(SAMPLE_PARCELS);
		// Each parcel is there: an update, or unchanged where the format gave back the
		// exact boundary.
		assertThat(again.get("toUpdate").asInt() + again.get("unchanged").asInt()).isEqualTo(SAMPLE_PARCELS);
		assertThat(again.get("toCreate").asInt()).isZero();
		assertThat(again.get("refused").asInt()).as(again.toString()).isZero();
	}

}
