package cn.zonegis.ogc.cql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.zonegis.geo.ZoneTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * OGC's published CQL2 examples (opengeospatial/ogcapi-features,
 * cql2/standard/schema/examples, copied into src/test/resources/cql2-examples) through
 * both parsers. They name properties of other data sets (eo:cloud_cover, floors…), so
 * they are tested for parsing only: the filters on the zone's own properties run against
 * PostGIS in OgcFilterTests. An example that needs only the conformance classes /ogc
 * declares must parse, in cql2-text and cql2-json alike, to the same tree; one that needs
 * a class /ogc does not declare (case- or accent-insensitive comparison, arithmetic,
 * temporal, array or custom functions) may parse or be refused with a CqlException (a 400
 * naming it), never fail otherwise.
 */
class Cql2ExamplesTests {

	private static final Path EXAMPLES = examples();

	private static final ZoneTime ZONE_TIME = ZoneTime.in(ZoneId.of("Asia/Shanghai"));

	/**
	 * In cql2-text (string and geometry literals taken out): a function of a class /ogc
	 * does not declare, or arithmetic.
	 */
	private static final Pattern UNDECLARED_TEXT = Pattern
		.compile("(?i)\\b(CASEI|ACCENTI|T_[A-Z]+|A_[A-Z]+|avg|Buffer|Foo|Bar)\\s*\\("
				+ "|[\\w\")]\\s*[-+*/^%]\\s*[\\w\"(]|\\bdiv\\b|=\\s*-\\s*\\w");

	/** In cql2-json: such a function or arithmetic operator as "op". */
	private static final Pattern UNDECLARED_JSON = Pattern
		.compile("(?i)\"op\"\\s*:\\s*\"([+*/^%-]|div|casei|accenti|t_\\w+|a_\\w+|avg|buffer|foo|bar)\"");

	/**
	 * 68 of the 120 examples (ogcapi-features at 94e814b) need only declared classes; the
	 * other 52 are listed by {@link #needsUndeclaredClass} and were checked by hand.
	 */
	private static final long DECLARED_EXAMPLES = 68;

	private static Path examples() {
		try {
			return Path.of(Cql2ExamplesTests.class.getResource("/cql2-examples").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Stream<String> names() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES.resolve("text"))) {
			return files.map((file) -> file.getFileName().toString().replace(".txt", "")).sorted().toList().stream();
		}
	}

	private static boolean needsUndeclaredClass(String text, String json) {
		String withoutLiterals = text.replaceAll("'[^']*'", "''")
			.replaceAll("(?i)(POINT|LINESTRING|POLYGON|MULTI\\w+|GEOMETRYCOLLECTION|BBOX)\\s*Z?\\s*\\([^a-zA-Z]*\\)+",
					"G");
		return UNDECLARED_TEXT.matcher(withoutLiterals).find()
				|| (json != null && UNDECLARED_JSON.matcher(json).find());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("names")
	void eachExampleParsesAsDeclared(String name) {
		String text = read(EXAMPLES.resolve("text/" + name + ".txt"));
		Path jsonFile = EXAMPLES.resolve("json/" + name + ".json");
		String json = Files.exists(jsonFile) ? read(jsonFile) : null;
		if (needsUndeclaredClass(text, json)) {
			assertThatCode(() -> CqlTextParser.parse(text, ZONE_TIME)).as(text)
				.satisfiesAnyOf((thrown) -> assertThat(thrown).isNull(),
						(thrown) -> assertThat(thrown).isInstanceOf(CqlException.class));
			if (json != null) {
				assertThatCode(() -> CqlJsonParser.parse(json, ZONE_TIME)).as(json)
					.satisfiesAnyOf((thrown) -> assertThat(thrown).isNull(),
							(thrown) -> assertThat(thrown).isInstanceOf(CqlException.class));
			}
			return;
		}
		Cql fromText = CqlTextParser.parse(text, ZONE_TIME);
		if (json != null) {
			assertThat(normal(CqlJsonParser.parse(json, ZONE_TIME))).as(json).isEqualTo(normal(fromText));
		}
	}

	/**
	 * One tree per filter: "x IS NOT NULL" and "NOT x IS NULL" (all cql2-json can write)
	 * are the same, and so for NOT IN, NOT LIKE and NOT BETWEEN.
	 */
	private static Cql normal(Cql tree) {
		if (tree instanceof Cql.And and) {
			return new Cql.And(and.operands().stream().map(Cql2ExamplesTests::normal).toList());
		}
		if (tree instanceof Cql.Or or) {
			return new Cql.Or(or.operands().stream().map(Cql2ExamplesTests::normal).toList());
		}
		if (tree instanceof Cql.Not not) {
			Cql operand = normal(not.operand());
			if (operand instanceof Cql.IsNull isNull && !isNull.negated()) {
				return new Cql.IsNull(isNull.value(), true);
			}
			if (operand instanceof Cql.In in && !in.negated()) {
				return new Cql.In(in.value(), in.list(), true);
			}
			if (operand instanceof Cql.Like like && !like.negated()) {
				return new Cql.Like(like.value(), like.pattern(), true);
			}
			if (operand instanceof Cql.Between between && !between.negated()) {
				return new Cql.Between(between.value(), between.low(), between.high(), true);
			}
			return new Cql.Not(operand);
		}
		return tree;
	}

	/**
	 * The split is the one checked by hand, so the test is not passed by calling more
	 * examples undeclared.
	 */
	@Test
	void mostExamplesNeedOnlyDeclaredClasses() throws IOException {
		long declared = names().filter((name) -> {
			Path jsonFile = EXAMPLES.resolve("json/" + name + ".json");
			return !needsUndeclaredClass(read(EXAMPLES.resolve("text/" + name + ".txt")),
					Files.exists(jsonFile) ? read(jsonFile) : null);
		}).count();
		assertThat(declared).isEqualTo(DECLARED_EXAMPLES);
	}

}
