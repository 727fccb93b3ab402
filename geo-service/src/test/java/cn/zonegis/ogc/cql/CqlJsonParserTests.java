package cn.zonegis.ogc.cql;

import java.time.ZoneId;

import cn.zonegis.geo.ZoneTime;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** cql2-json into the same tree as cql2-text. */
class CqlJsonParserTests {

	private static final ZoneTime ZONE_TIME = ZoneTime.in(ZoneId.of("Asia/Shanghai"));

	@Test
	void theSameFilterInBothEncodingsIsTheSameTree() {
		String json = """
				{"op": "and", "args": [
					{"op": "=", "args": [{"property": "status"}, "planned"]},
					{"op": "in", "args": [{"property": "kind"}, ["rain", "sewage"]]},
					{"op": "between", "args": [{"property": "depth_m"}, 1, 2.5]},
					{"op": "s_intersects", "args": [{"property": "geometry"}, {"type": "Point", "coordinates": [1, 2]}]}
				]}
				""";
		String text = "status = 'planned' AND kind IN ('rain', 'sewage') AND depth_m BETWEEN 1 AND 2.5 "
				+ "AND S_INTERSECTS(geometry, POINT(1 2))";
		assertThat(CqlJsonParser.parse(json, ZONE_TIME).toString())
			.isEqualTo(CqlTextParser.parse(text, ZONE_TIME).toString());
	}

	@Test
	void temporalLiteralsAndBboxAreRead() {
		Cql.Temporal t = (Cql.Temporal) CqlJsonParser.parse(
				"{\"op\": \"t_intersects\", \"args\": [{\"property\": \"updated_at\"}, {\"interval\": [\"2026-01-01\", \"..\"]}]}",
				ZONE_TIME);
		assertThat(((Cql.TimeLiteral) t.right()).end()).isNull();
		Cql.Spatial s = (Cql.Spatial) CqlJsonParser.parse(
				"{\"op\": \"s_within\", \"args\": [{\"property\": \"geometry\"}, {\"bbox\": [1, 2, 3, 4]}]}",
				ZONE_TIME);
		assertThat(((Cql.GeometryLiteral) s.right()).geometry().getArea()).isEqualTo(4.0);
		assertThat(CqlJsonParser.parse("{\"op\": \"isNull\", \"args\": [{\"property\": \"note\"}]}", ZONE_TIME))
			.isEqualTo(new Cql.IsNull(new Cql.Property("note"), false));
		assertThat(CqlJsonParser.parse("{\"op\": \"<\", \"args\": [{\"property\": \"n\"}, 3]}", ZONE_TIME))
			.isEqualTo(new Cql.Comparison("<", new Cql.Property("n"), new Cql.Literal(new BigDecimal("3"))));
		assertThat(List.of(Cql.TemporalOperator.values())).hasSize(5);
	}

	@Test
	void aGeometryCollectionIsRead() {
		Cql.Spatial s = (Cql.Spatial) CqlJsonParser.parse("""
				{"op": "s_intersects", "args": [{"property": "geometry"}, {"type": "GeometryCollection",
				 "geometries": [{"type": "Point", "coordinates": [1, 2]},
				                {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}]}]}
				""", ZONE_TIME);
		assertThat(((Cql.GeometryLiteral) s.right()).geometry().getNumGeometries()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "{\"op\": \"drop\", \"args\": [1, 2]}", "{\"op\": \"=\", \"args\": [1]}",
			"{\"op\": \"=\"}", "{\"type\": \"Polygon\", \"coordinates\": [[[1, 2], [3, 4]]]}", "[1, 2]",
			"{\"op\": \"in\", \"args\": [{\"property\": \"a\"}, 1]}", "{\"property\": {\"name\": \"a\"}}",
			"{\"op\": 5, \"args\": []}", "{\"type\": \"Point\"}", "{\"type\": 7, \"coordinates\": [1, 2]}",
			"{\"type\": \"GeometryCollection\", \"geometries\": [1]}",
			"{\"op\": \"t_during\", \"args\": [{\"interval\": [{\"property\": \"a\"}, {\"property\": \"b\"}]}, {\"interval\": [\"2026-01-01\", \"..\"]}]}" })
	void aMalformedJsonFilterIsAParseError(String filter) {
		assertThatThrownBy(() -> CqlJsonParser.parse(filter, ZONE_TIME)).isInstanceOf(CqlException.class);
	}

}
