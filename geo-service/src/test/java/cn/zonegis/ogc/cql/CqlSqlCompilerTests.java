package cn.zonegis.ogc.cql;

import java.time.ZoneId;

import cn.zonegis.geo.ZoneTime;

import java.math.BigDecimal;
import java.util.Map;

import cn.zonegis.ApiProblem;
import cn.zonegis.ogc.Crs;
import cn.zonegis.ogc.Queryable;
import cn.zonegis.ogc.SqlWhere;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tree into SQL: only known properties, every value bound, never client text in the
 * SQL.
 */
class CqlSqlCompilerTests {

	private static final ZoneTime ZONE_TIME = ZoneTime.in(ZoneId.of("Asia/Shanghai"));

	private static final Map<String, Queryable> QUERYABLES = Map.of("name",
			new Queryable("name", "t.\"name\"", Queryable.Type.STRING), "depth_m",
			new Queryable("depth_m", "t.\"depth_m\"", Queryable.Type.NUMBER), "updated_at",
			new Queryable("updated_at", "t.\"updated_at\"", Queryable.Type.TIMESTAMP), "skills",
			new Queryable("skills", "t.\"skills\"", Queryable.Type.ARRAY));

	private SqlWhere where;

	/** Compiles with a fresh WHERE, so the placeholders count from :p1. */
	private String compile(String filter) {
		this.where = new SqlWhere();
		return new CqlSqlCompiler(this::queryable, this.where, Crs.CRS84, ZONE_TIME)
			.compile(CqlTextParser.parse(filter, ZONE_TIME));
	}

	private Queryable queryable(String name) {
		Queryable queryable = QUERYABLES.get(name);
		if (queryable == null) {
			throw ApiProblem.badRequest("unknown-property", "problem.property.unknown", name).with("property", name);
		}
		return queryable;
	}

	@Test
	void anInjectionAttemptInAStringIsOneBoundValue() {
		String sql = compile("name = 'x'' OR 1=1 --'");
		assertThat(sql).isEqualTo("t.\"name\" = :p1");
		assertThat(this.where.params().getValue("p1")).isEqualTo("x' OR 1=1 --");
	}

	@Test
	void aPropertyNameWithQuotesOrSemicolonsIsAnUnknownPropertyNamedInTheProblem() {
		assertThatThrownBy(() -> compile("\"name\"\"; DROP TABLE parcel; --\" = 'x'")).isInstanceOf(ApiProblem.class)
			.satisfies((ex) -> assertThat(((ApiProblem) ex).properties().get("property"))
				.isEqualTo("name\"; DROP TABLE parcel; --"));
		assertThatThrownBy(() -> compile("owner = 'x'")).isInstanceOf(ApiProblem.class)
			.satisfies((ex) -> assertThat(((ApiProblem) ex).properties().get("property")).isEqualTo("owner"));
	}

	@Test
	void literalsAreBoundAsTheTypeOfTheirProperty() {
		assertThat(compile("depth_m BETWEEN '1.5' AND 3")).isEqualTo("t.\"depth_m\" BETWEEN :p1 AND :p2");
		assertThat(this.where.params().getValue("p1")).isEqualTo(new BigDecimal("1.5"));
		assertThatThrownBy(() -> compile("depth_m = 'deep'")).isInstanceOf(ApiProblem.class);
	}

	@Test
	void anArrayPropertyEqualsAValueItContains() {
		assertThat(compile("skills = 'pipe'")).isEqualTo(":p1 = ANY(t.\"skills\")");
	}

	@Test
	void aGeometryLiteralIsBoundAsWkbAndTransformedToStorage() {
		String sql = compile("S_INTERSECTS(geometry, POINT(122.05 37.19))");
		assertThat(sql).isEqualTo("ST_Intersects(t.geom, ST_Transform(ST_SetSRID(ST_GeomFromWKB(:p1), 4326), 4490))");
		assertThat(this.where.params().getValue("p1")).isInstanceOf(byte[].class);
	}

	@Test
	void temporalFunctionsCompareInstantsAndOpenIntervals() {
		assertThat(compile("T_BEFORE(updated_at, TIMESTAMP('2026-01-01T00:00:00Z'))"))
			.isEqualTo("(t.\"updated_at\")::timestamptz < :p1");
		assertThat(compile("T_DURING(updated_at, INTERVAL('2026-01-01', '..'))"))
			.isEqualTo("((t.\"updated_at\")::timestamptz >= :p1) AND (TRUE)");
		assertThat(compile("T_AFTER(updated_at, INTERVAL('..', '2020-01-01'))"))
			.isEqualTo(":p1 < (t.\"updated_at\")::timestamptz");
	}

	@Test
	void likeOnANumberComparesItsText() {
		assertThat(compile("depth_m LIKE '1%'")).isEqualTo("t.\"depth_m\"::text LIKE :p1");
	}

	@Test
	void geometryOutsideASpatialFunctionIsRefused() {
		assertThatThrownBy(() -> compile("geometry = 1")).isInstanceOf(CqlException.class);
		assertThatThrownBy(() -> compile("S_INTERSECTS(name, POINT(1 2))")).isInstanceOf(CqlException.class);
		assertThatThrownBy(() -> compile("T_BEFORE(name, DATE('2026-01-01'))")).isInstanceOf(CqlException.class);
	}

}
