package cn.zonegis.ogc.cql;

import java.time.ZoneId;

import cn.zonegis.geo.ZoneTime;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** cql2-text into the tree: what each construct parses to, and what is refused. */
class CqlTextParserTests {

	private static final ZoneTime ZONE_TIME = ZoneTime.in(ZoneId.of("Asia/Shanghai"));

	@Test
	void aComparisonHoldsThePropertyAndTheLiteral() {
		assertThat(CqlTextParser.parse("status = 'planned'", ZONE_TIME))
			.isEqualTo(new Cql.Comparison("=", new Cql.Property("status"), new Cql.Literal("planned")));
	}

	@Test
	void andBindsTighterThanOr() {
		Cql tree = CqlTextParser.parse("a = 1 OR b = 2 AND c = 3", ZONE_TIME);
		assertThat(tree).isInstanceOf(Cql.Or.class);
		assertThat(((Cql.Or) tree).operands().get(1)).isInstanceOf(Cql.And.class);
	}

	@Test
	void parenthesesAndNotGroup() {
		Cql tree = CqlTextParser.parse("NOT (a = 1 OR b = 2) AND c IS NOT NULL", ZONE_TIME);
		assertThat(tree).isInstanceOf(Cql.And.class);
		assertThat(((Cql.And) tree).operands().get(0)).isInstanceOf(Cql.Not.class);
		assertThat(((Cql.And) tree).operands().get(1)).isEqualTo(new Cql.IsNull(new Cql.Property("c"), true));
	}

	@Test
	void likeInAndBetweenMayBeNegated() {
		assertThat(CqlTextParser.parse("name NOT LIKE 'A%'", ZONE_TIME))
			.isEqualTo(new Cql.Like(new Cql.Property("name"), new Cql.Literal("A%"), true));
		assertThat(CqlTextParser.parse("kind IN ('rain', 'sewage')", ZONE_TIME)).isEqualTo(new Cql.In(
				new Cql.Property("kind"), List.of(new Cql.Literal("rain"), new Cql.Literal("sewage")), false));
		assertThat(CqlTextParser.parse("depth_m BETWEEN 1 AND 2.5", ZONE_TIME))
			.isEqualTo(new Cql.Between(new Cql.Property("depth_m"), new Cql.Literal(new BigDecimal("1")),
					new Cql.Literal(new BigDecimal("2.5")), false));
	}

	@Test
	void aDoubledQuoteInAStringIsOneQuote() {
		assertThat(CqlTextParser.parse("name = 'x'' OR 1=1 --'", ZONE_TIME))
			.isEqualTo(new Cql.Comparison("=", new Cql.Property("name"), new Cql.Literal("x' OR 1=1 --")));
	}

	@Test
	void spatialFunctionsTakeWktAndBbox() {
		Cql tree = CqlTextParser.parse("S_INTERSECTS(geometry, POLYGON((1 2, 3 2, 3 4, 1 2)))", ZONE_TIME);
		Cql.Spatial spatial = (Cql.Spatial) tree;
		assertThat(spatial.operator()).isEqualTo(Cql.SpatialOperator.S_INTERSECTS);
		assertThat(((Cql.GeometryLiteral) spatial.right()).geometry().getNumPoints()).isEqualTo(4);
		Cql.Spatial within = (Cql.Spatial) CqlTextParser.parse("s_within(geometry, BBOX(122.0, 37.1, 122.1, 37.2))",
				ZONE_TIME);
		assertThat(((Cql.GeometryLiteral) within.right()).geometry().getEnvelopeInternal().getMaxX()).isEqualTo(122.1);
	}

	@Test
	void everySpatialOperatorIsKnown() {
		for (Cql.SpatialOperator operator : Cql.SpatialOperator.values()) {
			assertThat(CqlTextParser.parse(operator.name() + "(geometry, POINT(1 2))", ZONE_TIME))
				.isInstanceOf(Cql.Spatial.class);
		}
	}

	@Test
	void temporalFunctionsTakeDatesTimestampsAndOpenIntervals() {
		Cql.Temporal during = (Cql.Temporal) CqlTextParser.parse("T_DURING(updated_at, INTERVAL('2026-01-01', '..'))",
				ZONE_TIME);
		Cql.TimeLiteral interval = (Cql.TimeLiteral) during.right();
		assertThat(interval.start().getYear()).isEqualTo(2026);
		assertThat(interval.end()).isNull();
		Cql.Temporal before = (Cql.Temporal) CqlTextParser
			.parse("T_BEFORE(updated_at, TIMESTAMP('2026-01-01T08:00:00Z'))", ZONE_TIME);
		assertThat(((Cql.TimeLiteral) before.right()).start()).isEqualTo(((Cql.TimeLiteral) before.right()).end());
		Cql.Temporal equals = (Cql.Temporal) CqlTextParser.parse("T_EQUALS(d, DATE('2026-02-03'))", ZONE_TIME);
		assertThat(((Cql.TimeLiteral) equals.right()).day()).isTrue();
	}

	@Test
	void aQuotedIdentifierIsAPropertyWhateverItHolds() {
		assertThat(CqlTextParser.parse("\"a;b\"\"c\" = 1", ZONE_TIME))
			.isEqualTo(new Cql.Comparison("=", new Cql.Property("a;b\"c"), new Cql.Literal(new BigDecimal("1"))));
	}

	@Nested
	class Refused {

		@ParameterizedTest
		@ValueSource(strings = { "", "status =", "status = 'open", "(a = 1", "a = 1)", "a = 1; DROP TABLE parcel",
				"a == 1", "S_INTERSECTS(geometry, POLYGON((1 2, 3 4)))", "T_BEFORE(a, DATE('yesterday'))",
				"BBOX(1,2,3) = 1", "a = 1 --", "a NOT = 1", "POINT(1 2", "a IN ()", "f(a) = 1", "a = 1 /* x */" })
		void aMalformedFilterIsAParseErrorSayingWhere(String filter) {
			assertThatThrownBy(() -> CqlTextParser.parse(filter, ZONE_TIME)).isInstanceOf(CqlException.class)
				.hasMessageMatching(".*\\S.*");
		}

	}

}
