package cn.zonegis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input corpus under src/test/resources/bad-input (written by its
 * generate.py): every case through every entry point it names must be refused with a 4xx
 * application/problem+json saying what and where, and must leave every table of schema
 * zonegis exactly as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTests extends IntegrationTest {

	private static final String CORPUS = "bad-input/";

	/**
	 * Lone surrogates in a case must reach the server as \\uD800 escapes, not as UTF-8
	 * replacement marks.
	 */
	private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	/**
	 * Every row of every table in schema zonegis, hashed table by table, in one
	 * statement; but for what the once-a-minute overdue check writes by itself (its
	 * notices and their change events): an order of another test class falling due during
	 * a case is no write of the case's request.
	 */
	private static final String CHECKSUM = """
			SELECT string_agg(c.relname || '=' || (xpath('/row/h/text()', query_to_xml(format(
				'SELECT md5(coalesce(string_agg(t::text, ''|'' ORDER BY t::text), '''')) AS h FROM zonegis.%I t %s',
				c.relname, CASE c.relname WHEN 'change_event' THEN 'WHERE t.type <> ''work_order.overdue''' ELSE '' END),
				false, true, '')))[1]::text, ' ' ORDER BY c.relname)
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = 'zonegis' AND c.relkind IN ('r', 'p') AND c.relname <> 'work_order_overdue_notice'
			""";

	/** Free ground west of TestArea's cells, where the corpus draws (see generate.py). */
	private static final double LON = 121.902;

	private static final double LAT = 37.052;

	private final Map<String, Target> targets = new LinkedHashMap<>();

	/**
	 * An entry point: where a case is sent, as whom, the valid body its patch changes,
	 * and whether it needs If-Match.
	 */
	private record Target(String method, String path, String body, String etagFrom) {
	}

	@BeforeAll
	void entryPoints() {
		String square = "{\"type\":\"Polygon\",\"coordinates\":[[%s,%s,%s,%s,%s]]}".formatted(pt(0, 0), pt(1, 0),
				pt(1, 1), pt(0, 1), pt(0, 0));
		String point = "{\"type\":\"Point\",\"coordinates\":%s}".formatted(pt(0.5, 0.5));
		String line = "{\"type\":\"LineString\",\"coordinates\":[%s,%s]}".formatted(pt(0, 0), pt(1, 1));
		long parcel = ownParcel();
		long zone = firstId("expansion_zone");
		long road = firstId("road");
		long light = firstId("streetlight");
		long project = firstId("project");
		long crew = firstId("crew");
		long order = ownWorkOrder();
		String parcelFeature = """
				{"type":"Feature","geometry":%s,"properties":{"code":"TEST-CORPUS","name":"语料地块","land_use":"工业用地",
				 "land_class_code":"0601","holder":"测试公司","surveyed_area_m2":100,"note":"corpus"}}""".formatted(square);
		String zoneFeature = """
				{"type":"Feature","geometry":%s,"properties":{"code":"TEST-CZ","name":"语料片区",
				 "kind":"contiguous_development","status":"proposed","approved_on":"2026-03-01","note":"corpus"}}"""
			.formatted(square);
		String roadFeature = """
				{"type":"Feature","geometry":%s,"properties":{"name":"语料路","road_class":"branch","surface":"asphalt",
				 "width_m":7}}""".formatted(line);
		String projectFeature = """
				{"type":"Feature","geometry":%s,"properties":{"name":"语料项目","level":"district","category":"工业",
				 "total_investment_wan":1000,"completed_investment_wan":100,"annual_target_wan":500,
				 "start_date":"2026-01-01","state":"planned"}}""".formatted(point);
		String parcelPath = "/api/parcels/" + parcel;
		String ogcParcel = "/ogc/collections/parcels/items/" + parcel;
		target("parcel-create", "POST", "/api/parcels", parcelFeature, null);
		target("parcel-replace", "PUT", parcelPath, parcelFeature, parcelPath);
		target("parcel-check", "POST", "/api/parcels/check", parcelFeature, null);
		target("ogc-parcel-create", "POST", "/ogc/collections/parcels/items", parcelFeature, null);
		target("ogc-parcel-replace", "PUT", ogcParcel, parcelFeature, ogcParcel);
		target("ogc-parcel-patch", "PATCH", ogcParcel, "{\"properties\":{}}", ogcParcel);
		target("zone-create", "POST", "/api/zones", zoneFeature, null);
		target("zone-replace", "PUT", "/api/zones/" + zone, zoneFeature, "/api/zones/" + zone);
		target("enterprise-create", "POST", "/api/enterprises", """
				{"type":"Feature","geometry":%s,"properties":{"name":"语料企业","industry":"化工","is_chemical":false,
				 "relocation_state":"none","employees":10,"contact":"x"}}""".formatted(point), null);
		target("road-create", "POST", "/api/roads", roadFeature, null);
		target("road-replace", "PUT", "/api/roads/" + road, roadFeature, "/api/roads/" + road);
		target("streetlight-patch", "PATCH", "/api/streetlights/" + light, "{\"properties\":{}}",
				"/api/streetlights/" + light);
		target("ogc-streetlight-create", "POST", "/ogc/collections/streetlights/items", """
				{"type":"Feature","geometry":%s,"properties":{"code":"TEST-CSL","circuit":"C1","lamp_type":"led",
				 "power_w":100,"state":"normal"}}""".formatted(point), null);
		target("project-create", "POST", "/api/projects", projectFeature, null);
		target("project-replace", "PUT", "/api/projects/" + project, projectFeature, "/api/projects/" + project);
		target("recover", "POST", parcelPath + "/recover", """
				{"formerHolder":"测试公司","landUse":"industrial","reason":"idle","legalBasis":"闲置土地处置办法",
				 "decisionDate":"2026-03-01","certificateCancelled":false,"note":"corpus"}""", null);
		target("parcel-transition", "POST", parcelPath + "/transitions",
				"{\"to\":\"red_line_issued\",\"note\":\"corpus\"}", null);
		target("split", "POST", parcelPath + "/split", "{\"line\":%s,\"note\":\"corpus\"}".formatted(line), parcelPath);
		target("workorder-create", "POST", "/api/workorders", """
				{"kind":"other","priority":"normal","description":"语料工单","location":{"lon":%s,"lat":%s}}"""
			.formatted(LON, LAT), null);
		target("workorder-transition", "POST", "/api/workorders/" + order + "/transitions",
				"{\"to\":\"cancelled\",\"note\":\"corpus\"}", null);
		target("workorder-dispatch", "POST", "/api/workorders/" + order + "/dispatch",
				"{\"crewId\":%d,\"note\":\"corpus\"}".formatted(crew), null);
		target("fault", "POST", "/api/assets/streetlights/" + light + "/fault",
				"{\"note\":\"corpus\",\"priority\":\"normal\",\"createOrder\":false}", null);
	}

	static Stream<Arguments> cases() throws IOException {
		List<Arguments> sends = new ArrayList<>();
		for (Resource file : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:" + CORPUS + "cases/**/*.json")) {
			String path = file.getURI().toString();
			String name = path.substring(path.indexOf(CORPUS + "cases/") + (CORPUS + "cases/").length(),
					path.length() - ".json".length());
			JsonNode spec = JSON.readTree(file.getContentAsByteArray());
			if (spec.has("targets")) {
				spec.get("targets").valueStream().forEach((t) -> sends.add(Arguments.of(name, t.asString(), spec)));
			}
			else {
				sends.add(Arguments.of(name, "its own address", spec));
			}
		}
		assertThat(sends).hasSizeGreaterThanOrEqualTo(200);
		return sends.stream()
			.sorted((a, b) -> (a.get()[0] + " " + a.get()[1]).compareTo(b.get()[0] + " " + b.get()[1]));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@MethodSource("cases")
	void isRefusedWithAProblemAndStoresNothing(String name, String targetName, JsonNode spec) {
		String before = checksum();
		HttpResponse<String> response = send(spec, this.targets.get(targetName));
		JsonNode expect = spec.get("expect");
		assertThat(response.statusCode()).as("status of %s: %s", name, response.body())
			.isEqualTo(expect.get("status").intValue());
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as("content type of %s", name)
			.startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").intValue()).isEqualTo(response.statusCode());
		assertThat(problem.path("detail").asString("")).as("detail").isNotBlank().doesNotContain("Exception", "\tat ");
		for (Map.Entry<String, JsonNode> fact : expect.properties()) {
			if (fact.getKey().equals("status") || fact.getValue().isNull()) {
				continue;
			}
			String actual = fact.getKey().equals("type")
					? problem.path("type").asString("").replace(ProblemHandler.TYPE_BASE, "")
					: problem.path(fact.getKey()).asString(problem.path(fact.getKey()).toString());
			assertThat(actual).as("%s of %s: %s", fact.getKey(), name, response.body())
				.isEqualTo(fact.getValue().asString());
		}
		assertThat(checksum()).as("tables after %s", name).isEqualTo(before);
	}

	private HttpResponse<String> send(JsonNode spec, Target target) {
		JsonNode request = spec.path("request");
		String method = (target != null) ? target.method() : request.get("method").asString();
		String path = (target != null) ? target.path() : text(request.get("path"));
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Accept", "application/geo+json, application/json;q=0.9");
		byte[] body = null;
		if (target != null) {
			headers.put("Content-Type", "application/json");
			if (target.etagFrom() != null) {
				headers.put("If-Match", currentEtag(target.etagFrom()));
			}
			body = body(spec, target);
		}
		else if (spec.has("upload")) {
			MultipartFile upload = upload(spec.get("upload").get("file").asString());
			headers.put("Content-Type", upload.contentType());
			body = upload.body();
		}
		else if (spec.has("body")) {
			body = text(spec.get("body")).getBytes(StandardCharsets.UTF_8);
		}
		request.path("headers").propertyStream().forEach((h) -> headers.put(h.getKey(), text(h.getValue())));
		return exchange(method, path, headers, body);
	}

	/**
	 * The target's valid body with the case's merge patch, or the case's own body in
	 * place of it.
	 */
	private static byte[] body(JsonNode spec, Target target) {
		if (spec.has("bodyBase64")) {
			return Base64.getDecoder().decode(spec.get("bodyBase64").asString());
		}
		if (spec.has("body")) {
			return text(spec.get("body")).getBytes(StandardCharsets.UTF_8);
		}
		JsonNode merged = mergePatch(JSON.readTree(target.body()), spec.get("patch"));
		return JSON.writeValueAsBytes(expand(merged));
	}

	/** RFC 7396: objects merge member by member, null removes, anything else replaces. */
	private static JsonNode mergePatch(JsonNode target, JsonNode patch) {
		if (!patch.isObject()) {
			return patch;
		}
		ObjectNode result = target.isObject() ? ((ObjectNode) target).deepCopy() : JSON.createObjectNode();
		patch.propertyStream().forEach((member) -> {
			if (member.getValue().isNull()) {
				result.remove(member.getKey());
			}
			else {
				result.set(member.getKey(), mergePatch(result.path(member.getKey()), member.getValue()));
			}
		});
		return result;
	}

	/**
	 * Replaces {"$repeat": s, "times": n} by the repeated text and {"$number": "1e400"}
	 * by that number.
	 */
	private static JsonNode expand(JsonNode node) {
		if (node.isObject() && node.has("$repeat")) {
			return JsonNodeFactory.instance.stringNode(text(node));
		}
		if (node.isObject() && node.has("$number")) {
			String number = node.get("$number").asString();
			return number.matches("-?\\d+") ? JsonNodeFactory.instance.numberNode(new BigInteger(number))
					: JsonNodeFactory.instance.numberNode(new BigDecimal(number));
		}
		if (node.isObject()) {
			ObjectNode copy = JSON.createObjectNode();
			node.propertyStream().forEach((member) -> copy.set(member.getKey(), expand(member.getValue())));
			return copy;
		}
		if (node.isArray()) {
			return JSON.createArrayNode().addAll(node.valueStream().map(BadInputCorpusTests::expand).toList());
		}
		return node;
	}

	/** A string, a {"$repeat": s, "times": n}, or a list of both, concatenated. */
	private static String text(JsonNode node) {
		if (node.isArray()) {
			StringBuilder text = new StringBuilder();
			node.valueStream().forEach((piece) -> text.append(text(piece)));
			return text.toString();
		}
		if (node.isObject()) {
			return node.get("$repeat").asString().repeat(node.get("times").intValue());
		}
		return node.asString();
	}

	private static MultipartFile upload(String file) {
		try {
			byte[] content = new PathMatchingResourcePatternResolver().getResource("classpath:" + CORPUS + file)
				.getContentAsByteArray();
			return MultipartFile.of(file.substring(file.lastIndexOf('/') + 1), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private HttpResponse<String> exchange(String method, String path, Map<String, String> headers, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method,
					(body == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Authorization", Http.basic("admin", "admin2026"));
		headers.forEach(request::header);
		return Http.exchange(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String currentEtag(String path) {
		return as("admin").get(path).header("ETag");
	}

	private String checksum() {
		return this.jdbc.sql(CHECKSUM).query(String.class).single();
	}

	private void target(String name, String method, String path, String body, String etagFrom) {
		this.targets.put(name, new Target(method, path, body, etagFrom));
	}

	private long firstId(String table) {
		return this.jdbc.sql("SELECT min(id) FROM zonegis." + table).query(Long.class).single();
	}

	/**
	 * A planned parcel of the corpus's own, on ground kept for it west of every other
	 * test's, so that a refused lifecycle step has a live parcel to refuse on; a later
	 * run on the same database reuses it.
	 */
	private long ownParcel() {
		String code = "CORPUS-FIXTURE";
		return this.jdbc.sql("SELECT id FROM zonegis.parcel WHERE code = :code AND status = 'planned'")
			.param("code", code)
			.query(Long.class)
			.optional()
			.orElseGet(() -> {
				Http.Response created = as("admin").post("/api/parcels",
						"""
								{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[121.9003,37.0575],[121.9013,37.0575],
								 [121.9013,37.0583],[121.9003,37.0583],[121.9003,37.0575]]]},"properties":{"code":"%s","name":"语料地块"}}"""
							.formatted(code));
				assertThat(created.status()).as(created.body()).isEqualTo(201);
				return created.json().get("id").longValue();
			});
	}

	private long ownWorkOrder() {
		Http.Response created = as("admin").post("/api/workorders", """
				{"kind":"other","priority":"normal","description":"语料工单","location":{"lon":%s,"lat":%s}}"""
			.formatted(LON, LAT));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").longValue();
	}

	private static String pt(double x, double y) {
		return "[%s,%s]".formatted(LON + x * 0.002, LAT + y * 0.002);
	}

}
