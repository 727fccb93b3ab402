package cn.zonegis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /v3/api-docs documents every /api endpoint Spring maps, with the problem responses a
 * client must handle; the Swagger UI is for administrators; the OGC API keeps its own
 * document.
 */
class OpenApiTests extends IntegrationTest {

	private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	void everyMappedApiEndpointIsInTheDocument() {
		JsonNode paths = as("viewer").get("/v3/api-docs").json().get("paths");
		List<String> missing = new ArrayList<>();
		int mapped = 0;
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				String path = pattern.replaceAll("\\{(\\w+):[^}]*\\}", "{$1}");
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					mapped++;
					JsonNode item = paths.get(path);
					if (item == null || item.get(method.name().toLowerCase()) == null) {
						missing.add(method + " " + path);
					}
				}
			}
		}
		assertThat(mapped).isGreaterThan(50);
		assertThat(missing).as("mapped /api endpoints missing from /v3/api-docs").isEmpty();
	}

	@Test
	void everyOperationDeclaresTheProblemsItCanAnswer() {
		JsonNode document = as("viewer").get("/v3/api-docs").json();
		assertThat(document.get("components").get("schemas").get("Problem").get("properties").has("type")).isTrue();
		document.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			JsonNode responses = operation.getValue().get("responses");
			List<String> expected = new ArrayList<>(List.of("400", "401", "403", "404", "429", "503", "504"));
			if (WRITES.contains(operation.getKey())) {
				expected.addAll(List.of("409", "412", "422"));
			}
			for (String status : expected) {
				assertThat(responses.get(status)).as(operation.getKey() + " " + path.getKey() + " " + status)
					.isNotNull();
				assertThat(responses.get(status).get("content").has("application/problem+json")).isTrue();
			}
		}));
	}

	@Test
	void theDocumentIsValidOpenApiAndDocumentsOnlyTheApplicationApi() {
		String body = as("viewer").get("/v3/api-docs").body();
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(body);
		assertThat(parsed.getMessages()).isEmpty();
		assertThat(parsed.getOpenAPI().getPaths().keySet()).allMatch((path) -> path.startsWith("/api/"));
		assertThat(parsed.getOpenAPI().getPaths().get("/api/parcels/{id}/transitions").getPost()).isNotNull();
		assertThat(parsed.getOpenAPI().getComponents().getSchemas()).as("Java internals described as schemas")
			.doesNotContainKeys("JsonNode", "StreamingResponseBody");
	}

	@Test
	void theOgcApiKeepsItsOwnDocument() {
		JsonNode ogc = as("viewer").get("/ogc/api").json();
		assertThat(ogc.get("paths").has("/collections")).isTrue();
	}

	@Test
	void theSwaggerUiIsForAdministrators() {
		assertThat(as("admin").get("/swagger-ui/index.html").status()).isEqualTo(200);
		assertThat(as("planner").get("/swagger-ui/index.html").status()).isEqualTo(403);
		assertThat(anonymous().get("/swagger-ui/index.html").status()).isEqualTo(401);
		assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(401);
	}

}
