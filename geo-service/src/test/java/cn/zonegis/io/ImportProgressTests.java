package cn.zonegis.io;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import dialog's progress bar: an import sent with progress=ID records its steps,
 * which its own user, and only that user, can read back under that id.
 */
class ImportProgressTests extends IntegrationTest {

	@Test
	void anImportRecordsItsStepsForItsOwnUserOnly() {
		FreeGround ground = FreeGround.find(this.jdbc);
		String code = "P" + UUID.randomUUID().toString().substring(0, 8);
		String id = UUID.randomUUID().toString();
		byte[] file = (FreeGround.header() + ground.rectangle(code, 0, 0, 40, 50, "0.2000"))
			.getBytes(StandardCharsets.UTF_8);

		FileClient.Result result = new FileClient(this.port, "planner").upload("format=txt&dryRun=true&progress=" + id,
				"a.txt", file);

		assertThat(result.status()).isEqualTo(200);
		JsonNode step = as("planner").get("/api/parcels/import/progress/" + id).json();
		assertThat(step.get("stage").asString()).isEqualTo("checking");
		assertThat(step.get("total").asInt()).isEqualTo(1);
		assertThat(as("admin").get("/api/parcels/import/progress/" + id).status()).as("another user's import")
			.isEqualTo(404);
	}

	@Test
	void aProgressIdThatIsNotOneIsABadRequest() {
		Http.Response response = new Http(this.port, "planner", "planner2026")
			.get("/api/parcels/import/progress/x;DROP");
		assertThat(response.status()).isIn(400, 404);
		FileClient.Result upload = new FileClient(this.port, "planner").upload("format=txt&dryRun=true&progress=a'b",
				"a.txt", FreeGround.header().getBytes(StandardCharsets.UTF_8));
		assertThat(upload.status()).isEqualTo(400);
		assertThat(upload.json().get("parameter").asString()).isEqualTo("progress");
	}

}
