package cn.zonegis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web map as a crew's phone installs it: the service worker, its Workbox runtime, the
 * manifest and its icons load before anyone signs in, with the content types a browser
 * accepts, and the worker is asked for again on each visit so a release reaches the
 * phones.
 */
class AppShellTests extends IntegrationTest {

	@Test
	void theServiceWorkerLoadsWithoutASessionAndIsCheckedOnEveryVisit() {
		Http.Response worker = anonymous().get("/sw.js");
		assertThat(worker.status()).isEqualTo(200);
		assertThat(worker.contentType()).startsWith("text/javascript");
		assertThat(worker.header("Cache-Control")).contains("no-cache");
		String runtime = worker.body().replaceAll("(?s).*define\\(\\[\"\\./(workbox-[0-9a-f]+)\"\\].*", "$1.js");
		Http.Response workbox = anonymous().get("/" + runtime);
		assertThat(workbox.status()).isEqualTo(200);
		assertThat(workbox.contentType()).startsWith("text/javascript");
	}

	@Test
	void theManifestNamesTheCrewAppInChineseWithItsIcons() {
		Http.Response manifest = anonymous().get("/manifest.webmanifest");
		assertThat(manifest.status()).isEqualTo(200);
		assertThat(manifest.contentType()).startsWith("application/manifest+json");
		assertThat(manifest.header("Cache-Control")).contains("no-cache");
		assertThat(manifest.json().path("name").asString()).contains("班组");
		assertThat(manifest.json().path("display").asString()).isEqualTo("standalone");
		for (var icon : manifest.json().path("icons")) {
			Http.Download image = anonymous().download("/" + icon.path("src").asString());
			assertThat(image.status()).as(icon.path("src").asString()).isEqualTo(200);
			assertThat(image.contentType()).isEqualTo(icon.path("type").asString());
		}
	}

	@Test
	void theCrewsOrdersStillNeedASignIn() {
		assertThat(anonymous().get("/api/workorders").status()).isEqualTo(401);
	}

}
