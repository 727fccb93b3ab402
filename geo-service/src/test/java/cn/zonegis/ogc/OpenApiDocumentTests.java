package cn.zonegis.ogc;

import java.util.ArrayList;
import java.util.List;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** /ogc/api: an OpenAPI 3.0 document that validates and points nowhere outside itself. */
class OpenApiDocumentTests extends IntegrationTest {

	@Test
	void theApiDefinitionValidatesAsOpenApi30() {
		Http.Response response = as("viewer").get("/ogc/api");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/vnd.oai.openapi+json");
		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(response.body(), null, options);
		assertThat(result.getMessages()).isEmpty();
		assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.0");
		assertThat(result.getOpenAPI().getPaths()).containsKeys("/", "/conformance", "/collections",
				"/collections/parcels/items", "/collections/parcels/items/{featureId}",
				"/collections/parcels/queryables");
	}

	/**
	 * A collection takes its items' parameters (GDAL opens .../collections/parcels with a
	 * filter in it), so the document lists them there too, queryables included.
	 */
	@Test
	void aCollectionListsTheParametersOfItsItems() {
		JsonNode paths = as("viewer").get("/ogc/api").json().get("paths");
		JsonNode collection = paths.get("/collections/parcels").get("get").get("parameters");
		assertThat(collection).isEqualTo(paths.get("/collections/parcels/items").get("get").get("parameters"));
		assertThat(collection.findValuesAsString("$ref")).contains("#/components/parameters/filter",
				"#/components/parameters/limit", "#/components/parameters/f");
		assertThat(collection.findValuesAsString("name")).contains("status");
	}

	@Test
	void everyReferenceStaysInsideTheDocument() {
		List<String> refs = new ArrayList<>();
		collectRefs(as("viewer").get("/ogc/api").json(), refs);
		assertThat(refs).isNotEmpty().allMatch((ref) -> ref.startsWith("#/"));
	}

	@Test
	void theServerIsThisService() {
		JsonNode servers = as("viewer").get("/ogc/api").json().get("servers");
		assertThat(servers.get(0).get("url").asString()).isEqualTo("http://localhost:" + this.port + "/ogc");
	}

	private static void collectRefs(JsonNode node, List<String> refs) {
		if (node.isObject()) {
			node.properties().forEach((member) -> {
				if ("$ref".equals(member.getKey())) {
					refs.add(member.getValue().asString());
				}
				collectRefs(member.getValue(), refs);
			});
		}
		else if (node.isArray()) {
			node.forEach((item) -> collectRefs(item, refs));
		}
	}

}
