package cn.zonegis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The OpenAPI document of /api at /v3/api-docs (the OGC API keeps its own at /ogc/api).
 * The operations come from the controllers; the problem responses every operation can
 * give are declared here once, as {@link ProblemHandler} and the security filters answer
 * them for all.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String PROBLEM = "Problem";

	/** What any operation can answer, whatever it does. */
	private static final Map<String, String> EVERY_OPERATION = problems("400",
			"invalid-parameter, missing-parameter, unreadable-body, or a type named by the operation's rule", "401",
			"unauthenticated, login-failed: no login, or a wrong password or token", "403",
			"forbidden: the role may not do this (see the README's role matrix)", "404",
			"not-found: unknown id, layer or path", "429", "too-many-failed-logins: wait for Retry-After seconds",
			"503", "database-unavailable: the database is away; try again after Retry-After seconds", "504",
			"request-timeout, query-timeout: the request or its query ran past its time limit");

	/** What a change can answer besides. */
	private static final Map<String, String> EVERY_WRITE = problems("409",
			"a rule refused the change (red-line-overlap, illegal lifecycle step, constraint-violation…)", "412",
			"the If-Match version is stale: someone saved first; read again", "422",
			"readable but invalid content: geometry, unknown properties, out-of-range values");

	static {
		// Bodies read as a JSON tree and answers streamed row by row would otherwise be
		// described by
		// their Java types' internals.
		SpringDocUtils.getConfig()
			.replaceWithSchema(JsonNode.class,
					new ObjectSchema()
						.description("A GeoJSON Feature (geometry in lon/lat, EPSG:4490; properties as the "
								+ "GET of the same resource shows them) or, for non-spatial resources, a JSON object"))
			.replaceWithSchema(StreamingResponseBody.class, new ObjectSchema()
				.description("A GeoJSON FeatureCollection, or the exported file, streamed as it is read"));
	}

	private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
			PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

	@Bean
	OpenAPI zoneGisOpenApi() {
		return new OpenAPI().info(new Info().title("ZoneGIS API").version("1").description("""
				The application API of ZoneGIS: parcels (用地红线), assets, work orders, projects, files. \
				Features are GeoJSON in CGCS2000 (EPSG:4490, lon/lat). Errors are RFC 9457 problem \
				details; their type is https://zonegis.cn/problems/<name>. Writes take the ETag they \
				read in If-Match. Log in with HTTP Basic (user name and password, or user name and API \
				token) or send an API token as Authorization: Bearer."""))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("apiToken",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("zgt_…")))
			.security(
					List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("apiToken")));
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			openApi.getPaths().values().forEach((path) -> path.readOperationsMap().forEach((method, operation) -> {
				declare(operation, EVERY_OPERATION);
				if (WRITES.contains(method)) {
					declare(operation, EVERY_WRITE);
				}
			}));
		};
	}

	private static void declare(Operation operation, Map<String, String> problems) {
		problems.forEach((status, description) -> {
			if (operation.getResponses().get(status) == null) {
				operation.getResponses()
					.addApiResponse(status, new ApiResponse().description(description)
						.content(new Content().addMediaType(PROBLEM_JSON,
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
			}
		});
	}

	/**
	 * RFC 9457, with the facts a problem may add (parameter, field, conflictingParcels,
	 * location…).
	 */
	private static Schema<?> problemSchema() {
		ObjectSchema problem = new ObjectSchema();
		problem.description("RFC 9457 problem details; further properties carry the facts of the problem");
		problem.addProperty("type", new StringSchema().format("uri")
			.description("https://zonegis.cn/problems/<name>, stable: clients branch on it"));
		problem.addProperty("title", new StringSchema());
		problem.addProperty("status", new IntegerSchema());
		problem.addProperty("detail", new StringSchema().description(
				"what is wrong, where, and what to do, in the Accept-Language (Chinese by default, or English)"));
		problem.addProperty("instance", new StringSchema().format("uri"));
		problem.addProperty("parameter", new StringSchema().description("the query parameter at fault"));
		problem.addProperty("field", new StringSchema().description("the body field at fault"));
		problem.additionalProperties(true);
		return problem;
	}

	private static Map<String, String> problems(String... statusAndDescription) {
		Map<String, String> problems = new LinkedHashMap<>();
		for (int i = 0; i < statusAndDescription.length; i += 2) {
			problems.put(statusAndDescription[i], statusAndDescription[i + 1]);
		}
		return problems;
	}

}
