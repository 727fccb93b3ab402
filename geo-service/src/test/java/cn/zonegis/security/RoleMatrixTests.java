package cn.zonegis.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zonegis.Http;
import cn.zonegis.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every endpoint the service maps, as every role and as nobody, against the role
 * matrix in the README: a role the matrix refuses gets 401 or 403, a role it allows gets
 * anything else (the answer itself, 200 or 404 for a made-up id, is another test's
 * business). The endpoints come from Spring's own mapping, so a new endpoint missing from
 * the matrix fails here.
 */
class RoleMatrixTests extends IntegrationTest {

	/**
	 * The README's matrix; the first rule that matches a request decides. Null role =
	 * anonymous.
	 */
	private static final List<Rule> MATRIX = List.of(rule("GET", "/api/config", EnumSet.allOf(Role.class), true),
			rule("ANY", "/api/audit(/.*)?|/swagger-ui.*|/actuator/.*", EnumSet.of(Role.ADMIN), false),
			rule("ANY", "/api/me|/api/events|/api/tokens(/.*)?", EnumSet.allOf(Role.class), false),
			rule("GET", "/api/zones/stats|/api/workorders/stats/month|/api/crews/workload",
					EnumSet.of(Role.PLANNER, Role.DISPATCHER, Role.ADMIN), false),
			rule("GET", "/api/.*|/ogc(/.*)?|/tiles/.*|/v3/api-docs.*", EnumSet.allOf(Role.class), false),
			rule("OPTIONS", "/api/.*|/ogc(/.*)?|/tiles/.*", EnumSet.allOf(Role.class), true),
			rule("POST", "/api/workorders/[^/]+/dispatch", EnumSet.of(Role.DISPATCHER, Role.ADMIN), false),
			rule("POST", "/api/workorders/[^/]+/transitions", EnumSet.of(Role.DISPATCHER, Role.CREW, Role.ADMIN),
					false),
			rule("POST", "/api/workorders|/api/workorders/[^/]+/(findings|attachments)",
					EnumSet.of(Role.PLANNER, Role.DISPATCHER, Role.CREW, Role.SAFETY, Role.ADMIN), false),
			rule("POST", "/api/assets/(streetlights|cables)/[^/]+/fault",
					EnumSet.of(Role.PLANNER, Role.DISPATCHER, Role.CREW, Role.ADMIN), false),
			rule("WRITE", "/api/self-built-houses(/.*)?|/ogc/collections/self_built_houses/items(/.*)?",
					EnumSet.of(Role.SAFETY, Role.ADMIN), false),
			rule("WRITE", "/api/.*|/ogc/.*", EnumSet.of(Role.PLANNER, Role.ADMIN), false));

	/**
	 * A value for each path variable that reaches the handler: a made-up id, a real
	 * layer.
	 */
	private static final Map<String, String> SAMPLES = Map.of("kind", "roads", "collectionId", "parcels", "layer",
			"parcels", "collection", "streetlights", "z", "14", "x", "13700", "y", "6300");

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]*))?\\}");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointAnswersEveryRoleAsTheReadmeMatrixSays() {
		List<String> endpoints = endpoints();
		assertThat(endpoints).hasSizeGreaterThan(60);
		List<String> wrong = new ArrayList<>();
		for (String endpoint : endpoints) {
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String path = endpoint.substring(endpoint.indexOf(' ') + 1);
			Rule rule = MATRIX.stream()
				.filter((r) -> r.matches(method, path))
				.findFirst()
				.orElseThrow(() -> new AssertionError(endpoint + " is in no row of the role matrix"));
			for (Role role : Role.values()) {
				check(endpoint, role.name(), as(role.name().toLowerCase()), rule.roles().contains(role), wrong);
			}
			check(endpoint, "anonymous", anonymous(), rule.anonymous(), wrong);
		}
		assertThat(wrong).as("answers that break the role matrix").isEmpty();
	}

	private static void check(String endpoint, String who, Http client, boolean allowed, List<String> wrong) {
		String method = endpoint.substring(0, endpoint.indexOf(' '));
		String path = endpoint.substring(endpoint.indexOf(' ') + 1);
		int status = client.status(method, path);
		boolean refused = status == 401 || status == 403;
		if (allowed == refused) {
			wrong.add(endpoint + " as " + who + ": " + status + (allowed ? " (matrix allows)" : " (matrix refuses)"));
		}
	}

	/**
	 * Every mapped method and path with its variables filled in, HEAD and OPTIONS left to
	 * Spring.
	 */
	private List<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (pattern.equals("/error")) {
					continue;
				}
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					endpoints.add(method.name() + " " + fill(pattern));
				}
			}
		}
		return new ArrayList<>(endpoints);
	}

	private static String fill(String pattern) {
		Matcher variable = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			String name = variable.group(1);
			String regex = variable.group(2);
			String value;
			if (regex != null && regex.matches("[a-z|]+")) {
				value = regex.split("\\|")[0];
			}
			else {
				value = SAMPLES.getOrDefault(name, "987654321");
			}
			variable.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variable.appendTail(path);
		return path.toString();
	}

	private static Rule rule(String methods, String pathRegex, Set<Role> roles, boolean anonymous) {
		Predicate<String> method = switch (methods) {
			case "ANY" -> (m) -> true;
			case "WRITE" -> (m) -> !m.equals("GET");
			default -> methods::equals;
		};
		return new Rule(method, Pattern.compile(pathRegex), roles, anonymous);
	}

	private record Rule(Predicate<String> method, Pattern path, Set<Role> roles, boolean anonymous) {

		boolean matches(String method, String path) {
			return this.method.test(method) && this.path.matcher(path).matches();
		}

	}

}
