package cn.zonegis.document;

import java.io.IOException;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static cn.zonegis.Problems.assertBadParameter;
import static cn.zonegis.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/map/print.pdf: the map view as a vector PDF, read back with PDFBox. */
class MapPrintTests extends IntegrationTest {

	private static final String DEMO_VIEW = "bbox=122.03,37.17,122.08,37.20";

	@Test
	void theViewPrintsWithTitleLegendScaleDateAndUser() throws IOException {
		Http.Download pdf = as("viewer").download(
				"/api/map/print.pdf?" + DEMO_VIEW + "&layers=expansion_zones,parcels,roads&title=%E5%9B%AD%E5%8C%BA");
		assertThat(pdf.status()).as(new String(pdf.body())).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("园区", "图例", "地块红线（", "道路（", "比例尺 1:", "viewer", "北", "EPSG:4550");
		}
		RedLineDrawingTests.render(pdf.body(), "map-print");
	}

	@Test
	void aChosenScaleAndEnglishAreKept() throws IOException {
		Http.Download pdf = as("viewer")
			.download("/api/map/print.pdf?" + DEMO_VIEW + "&layers=parcels&scale=10000&lang=en");
		assertThat(pdf.status()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			assertThat(new PDFTextStripper().getText(document)).contains("Legend", "Scale 1:10000",
					"Development zone map");
		}
	}

	@Nested
	class Refused {

		@Test
		void anUnknownLayerIsNotFound() {
			Http.Response response = as("viewer").get("/api/map/print.pdf?" + DEMO_VIEW + "&layers=secrets");
			assertProblem(response, 404);
		}

		@Test
		void aScaleThatIsNotRoundIsABadRequest() {
			assertBadParameter(as("viewer").get("/api/map/print.pdf?" + DEMO_VIEW + "&layers=parcels&scale=1234"),
					"scale");
		}

		@Test
		void aBoxOffTheGlobeIsABadRequest() {
			Http.Response response = as("viewer").get("/api/map/print.pdf?bbox=200,95,1,1&layers=parcels");
			assertProblem(response, 400);
		}

	}

}
