package cn.zonegis.geo;

import java.util.List;

import cn.zonegis.ApiProblem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plain JUnit: every defect is named with its part, ring and coordinate before any rule
 * runs.
 */
class GeometryCheckTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GeometryCheck check = new GeometryCheck(new BBox(121.90, 37.05, 122.20, 37.35));

	private static JsonNode json(String text) {
		return JSON.readTree(text.replace('\'', '"'));
	}

	private static String square(double lon, double lat, double size) {
		return "[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]".formatted(lon, lat, lon + size,
				lat + size);
	}

	private ApiProblem refusal(String geometry) {
		try {
			this.check.parse(json(geometry));
		}
		catch (ApiProblem problem) {
			return problem;
		}
		throw new AssertionError("accepted " + geometry);
	}

	@Test
	void polygonWithAHoleIsReadAsAMultipolygonInCgcs2000() {
		MultiPolygon parsed = this.check.parse(json("{'type':'Polygon','coordinates':[" + square(122.0, 37.1, 0.01)
				+ "," + square(122.002, 37.102, 0.002) + "]}"));
		assertThat(parsed.getNumGeometries()).isEqualTo(1);
		assertThat(parsed.getSRID()).isEqualTo(Srid.CGCS2000);
		assertThat(((org.locationtech.jts.geom.Polygon) parsed.getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
	}

	@Test
	void multipolygonWithSeparatePartsIsAccepted() {
		MultiPolygon parsed = this.check.parse(json("{'type':'MultiPolygon','coordinates':[["
				+ square(122.0, 37.1, 0.01) + "],[" + square(122.02, 37.1, 0.01) + "]]}"));
		assertThat(parsed.getNumGeometries()).isEqualTo(2);
	}

	@Test
	void lonLatCrsNamesAreAccepted() {
		for (String name : List.of("urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4490", "urn:ogc:def:crs:EPSG::4326",
				"http://www.opengis.net/def/crs/EPSG/0/4490")) {
			this.check.parse(json("{'type':'Polygon','crs':{'type':'name','properties':{'name':'" + name
					+ "'}},'coordinates':[" + square(122.0, 37.1, 0.01) + "]}"));
		}
	}

	@Nested
	class Refused {

		@Test
		void aRingThatCrossesItselfIsNamedWithTheCrossing() {
			ApiProblem problem = refusal(
					"{'type':'Polygon','coordinates':[[[122.0,37.1],[122.01,37.11],[122.01,37.1],[122.0,37.11],[122.0,37.1]]]}");
			assertThat(problem.status().value()).isEqualTo(422);
			assertThat(problem.type()).isEqualTo("invalid-geometry");
			assertThat(problem.properties()).containsEntry("defect", "self-intersection")
				.containsEntry("part", 1)
				.containsEntry("ring", 1);
			@SuppressWarnings("unchecked")
			List<Double> location = (List<Double>) problem.properties().get("location");
			assertThat(location.get(0)).isCloseTo(122.005, org.assertj.core.data.Offset.offset(1e-9));
			assertThat(location.get(1)).isCloseTo(37.105, org.assertj.core.data.Offset.offset(1e-9));
			assertThat(problem.messageArgs()).contains("122.005", "37.105");
		}

		@Test
		void aHoleOutsideItsShellNamesTheHole() {
			ApiProblem problem = refusal("{'type':'Polygon','coordinates':[" + square(122.0, 37.1, 0.01) + ","
					+ square(122.05, 37.1, 0.002) + "]}");
			assertThat(problem.properties()).containsEntry("defect", "hole-outside-shell").containsEntry("ring", 2);
		}

		@Test
		void aHoleCrossingTheShellNamesBothRings() {
			ApiProblem problem = refusal("{'type':'Polygon','coordinates':[" + square(122.0, 37.1, 0.01) + ","
					+ square(122.005, 37.105, 0.01) + "]}");
			assertThat(problem.properties()).containsEntry("defect", "rings-cross");
			assertThat(problem.messageArgs()).endsWith("1", "2");
		}

		@Test
		void aPartInsideAnotherPartIsRefused() {
			ApiProblem problem = refusal("{'type':'MultiPolygon','coordinates':[[" + square(122.0, 37.1, 0.01) + "],["
					+ square(122.002, 37.102, 0.002) + "]]}");
			assertThat(problem.properties()).containsEntry("defect", "nested-shells").containsEntry("part", 2);
		}

		@Test
		void anUnclosedRingSaysWhereItEndsAndStarts() {
			ApiProblem problem = refusal(
					"{'type':'Polygon','coordinates':[[[122.0,37.1],[122.01,37.1],[122.01,37.11],[122.0,37.11]]]}");
			assertThat(problem.properties()).containsEntry("defect", "ring-not-closed").containsEntry("ring", 1);
			assertThat(problem.messageArgs()).containsSequence("122", "37.11", "122", "37.1");
		}

		@Test
		void aRingOfThreePointsHasTooFewPoints() {
			ApiProblem problem = refusal(
					"{'type':'Polygon','coordinates':[[[122.0,37.1],[122.01,37.1],[122.0,37.1]]]}");
			assertThat(problem.properties()).containsEntry("defect", "too-few-points");
			assertThat(problem.messageArgs()).contains("3");
		}

		@Test
		void aPointOutsideTheZoneIsNamed() {
			ApiProblem problem = refusal("{'type':'Polygon','coordinates':[" + square(116.3, 39.9, 0.01) + "]}");
			assertThat(problem.properties()).containsEntry("defect", "outside-extent");
			assertThat(problem.messageArgs()).contains("116.3", "39.9");
		}

		@Test
		void swappedLonAndLatAreRecognisedAsSwappedAxes() {
			ApiProblem problem = refusal(
					"{'type':'Polygon','coordinates':[[[37.1,122.0],[37.1,122.01],[37.11,122.01],[37.1,122.0]]]}");
			assertThat(problem.properties()).containsEntry("defect", "swapped-axes");
		}

		@Test
		void aProjectedCrsIsRefusedByName() {
			ApiProblem problem = refusal("{'type':'Polygon','crs':{'type':'name','properties':{'name':'EPSG:4550'}},"
					+ "'coordinates':[" + square(122.0, 37.1, 0.01) + "]}");
			assertThat(problem.properties()).containsEntry("defect", "unsupported-crs");
			assertThat(problem.messageArgs()).contains("EPSG:4550");
		}

		@Test
		void aPointIsNotARedLine() {
			ApiProblem problem = refusal("{'type':'Point','coordinates':[122.0,37.1]}");
			assertThat(problem.properties()).containsEntry("defect", "unsupported-type");
		}

		@Test
		void textForCoordinatesIsMalformed() {
			ApiProblem problem = refusal("{'type':'Polygon','coordinates':[[['122.0','37.1']]]}");
			assertThat(problem.properties()).containsEntry("defect", "malformed");
		}

		@Test
		void aMissingGeometryIsRefused() {
			assertThatThrownBy(() -> GeometryCheckTests.this.check.parse(null)).isInstanceOf(ApiProblem.class)
				.extracting((e) -> ((ApiProblem) e).properties().get("defect"))
				.isEqualTo("missing");
		}

		@Test
		void anEmptyMultipolygonIsRefused() {
			ApiProblem problem = refusal("{'type':'MultiPolygon','coordinates':[]}");
			assertThat(problem.properties()).containsEntry("defect", "empty");
		}

	}

}
