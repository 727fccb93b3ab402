package cn.zonegis.io;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import cn.zonegis.ApiProblem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The land ministry coordinate TXT as surveyors write it. Plain JUnit: no database. */
class TxtReaderTests {

	static final String HEADER = """
			[属性描述]
			格式版本号=1.01
			坐标系=2000国家大地坐标系
			几度分带=3
			投影类型=高斯克吕格
			计量单位=米
			带号=41
			精度=0.001
			转换参数=,,,,,,
			[地块坐标]
			""";

	static final String PUBLISHED = HEADER + """
			5,0.1305,DK-001,宝尼新材料,面,,工业用地,0601,@
			J1,1,4118012.345,41415650.123
			J2,1,4118012.345,41415690.456
			J3,1,4117980.001,41415690.456
			J4,1,4117980.001,41415650.123
			J1,1,4118012.345,41415650.123
			""";

	/**
	 * The file's CRS where no transformation from the old datums is configured, as by
	 * default.
	 */
	static int crs(TxtFile file, Integer userSrid) {
		return TxtCrs.resolve(file, userSrid, false);
	}

	static TxtFile read(String text) {
		return TxtReader.read(text.getBytes(StandardCharsets.UTF_8), null);
	}

	@Test
	void coordinateTxtReadsXAsNorthing() {
		TxtFile file = read(PUBLISHED);
		TxtFile.Point first = file.parcels().get(0).rings().get(0).points().get(0);
		assertThat(first.northing()).isEqualTo(4118012.345);
		assertThat(first.easting()).isEqualTo(41415650.123);
		MultiPolygon polygon = TxtGeometry.build(file.parcels().get(0), crs(file, null)).geometry();
		assertThat(polygon.getCoordinates()[0].x).as("x is the easting").isEqualTo(41415650.123);
		assertThat(polygon.getCoordinates()[0].y).as("y is the northing").isEqualTo(4118012.345);
	}

	@Test
	void headerFieldsAreReadByPosition() {
		TxtFile.Parcel parcel = read(PUBLISHED).parcels().get(0);
		assertThat(parcel.pointCount()).isEqualTo(5);
		assertThat(parcel.areaHa()).isEqualByComparingTo("0.1305");
		assertThat(parcel.code()).isEqualTo("DK-001");
		assertThat(parcel.name()).isEqualTo("宝尼新材料");
		assertThat(parcel.shapeKind()).isEqualTo("面");
		assertThat(parcel.sheet()).isNull();
		assertThat(parcel.landUse()).isEqualTo("工业用地");
		assertThat(parcel.landClassCode()).isEqualTo("0601");
		assertThat(parcel.extraFields()).isEmpty();
	}

	@Test
	void provincialExtraFieldsAreKept() {
		TxtFile.Parcel parcel = read(PUBLISHED.replace("0601,@", "0601,建设用地,05,,备注一,@")).parcels().get(0);
		assertThat(parcel.landClassCode()).isEqualTo("0601");
		assertThat(parcel.extraFields()).containsExactly("建设用地", "05", "", "备注一");
	}

	@Test
	void gbkFileWithCrlfIsRead() {
		byte[] gbk = PUBLISHED.replace("\n", "\r\n").getBytes(TextDecoding.GBK);
		TxtFile file = TxtReader.read(gbk, null);
		assertThat(file.parcels().get(0).name()).isEqualTo("宝尼新材料");
		assertThat(file.attribute(TxtFile.DATUM)).isEqualTo("2000国家大地坐标系");
	}

	@Test
	void utf8WithBomIsRead() {
		byte[] body = PUBLISHED.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, withBom, 3, body.length);
		assertThat(TxtReader.read(withBom, null).attribute(TxtFile.ZONE)).isEqualTo("41");
	}

	@Test
	void missingClosingPointIsClosedAndReportedAsARepair() {
		TxtFile file = read(PUBLISHED.replace("J1,1,4118012.345,41415650.123\n", "")
			.replaceFirst("J2,1", "J1,1,4118012.345,41415650.123\nJ2,1"));
		TxtFile.Parcel parcel = file.parcels().get(0);
		assertThat(parcel.rings().get(0).isClosed()).isFalse();
		TxtGeometry.Built built = TxtGeometry.build(parcel, 4529);
		assertThat(built.repairs())
			.containsExactly(new TxtGeometry.RingRepair(TxtGeometry.RingRepair.CLOSED, 1, "J1", 0));
		MultiPolygon polygon = built.geometry();
		assertThat(polygon.isValid()).isTrue();
		assertThat(polygon.getNumPoints()).isEqualTo(5);
	}

	@Test
	void planeAreaIsTheShoelaceAreaInTheGaussKrugerPlane() {
		MultiPolygon polygon = TxtGeometry.build(read(PUBLISHED).parcels().get(0), 4529).geometry();
		assertThat(TxtGeometry.planeAreaM2(polygon))
			.isCloseTo((41415690.456 - 41415650.123) * (4118012.345 - 4117980.001), within(1e-6));
	}

	@Test
	void aRingInsideTheOuterRingIsAHoleAndOneOutsideIsAnotherPartReportedAsARepair() {
		TxtFile file = read(HEADER + """
				13,0.3,DK-002,两块地,面,,工业用地,0601,@
				J1,1,4118100.000,41415000.000
				J2,1,4118100.000,41415100.000
				J3,1,4118000.000,41415100.000
				J4,1,4118000.000,41415000.000
				J5,2,4118060.000,41415040.000
				J6,2,4118060.000,41415060.000
				J7,2,4118040.000,41415060.000
				J8,2,4118040.000,41415040.000
				J9,3,4118100.000,41415200.000
				J10,3,4118100.000,41415300.000
				J11,3,4118000.000,41415300.000
				J12,3,4118000.000,41415200.000
				""");
		TxtGeometry.Built built = TxtGeometry.build(file.parcels().get(0), 4529);
		// The rings are written open, too: each closing is a repair as well.
		assertThat(built.repairs()).filteredOn((r) -> r.kind().equals(TxtGeometry.RingRepair.AS_PART))
			.containsExactly(new TxtGeometry.RingRepair(TxtGeometry.RingRepair.AS_PART, 3, "J9", 2));
		MultiPolygon polygon = built.geometry();
		assertThat(polygon.getNumGeometries()).isEqualTo(2);
		assertThat(((Polygon) polygon.getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
		assertThat(((Polygon) polygon.getGeometryN(1)).getNumInteriorRing()).isZero();
		assertThat(polygon.isValid()).isTrue();
		assertThat(TxtGeometry.planeAreaM2(polygon)).isCloseTo(10000 - 400 + 10000, within(1e-6));
	}

	@Test
	void severalParcelsAreReadInOrderWithPlainPointNumbers() {
		TxtFile file = read(PUBLISHED + """
				4,0.01,DK-003,,面,,,,@
				1,1,4118200.000,41415000.000
				2,1,4118200.000,41415010.000
				3,1,4118190.000,41415010.000
				4,1,4118190.000,41415000.000
				""");
		assertThat(file.parcels()).extracting(TxtFile.Parcel::code).containsExactly("DK-001", "DK-003");
		assertThat(file.parcels().get(1).name()).isNull();
		assertThat(file.parcels().get(1).rings().get(0).points()).hasSize(4);
	}

	@Test
	void theOptionalExtensionSectionIsSkipped() {
		TxtFile file = read("[扩展信息]\n软件=某软件\n4,1,X,@\n" + PUBLISHED);
		assertThat(file.parcels()).hasSize(1);
	}

	@Test
	void precisionIsReadAsAStepOrAsDecimals() {
		assertThat(read(PUBLISHED).precisionM()).isEqualTo(0.001);
		assertThat(read(PUBLISHED.replace("精度=0.001", "精度=2")).precisionM()).isEqualTo(0.01);
	}

	@Test
	void writtenFileReadsBackTheSameParcels() {
		TxtFile file = read(PUBLISHED);
		TxtFile again = TxtReader.read(TxtWriter.write(file, TextDecoding.GBK), null);
		assertThat(again.parcels().get(0).rings()).isEqualTo(file.parcels().get(0).rings());
		assertThat(again.parcels().get(0).areaHa()).isEqualTo(new BigDecimal("0.1305"));
		assertThat(again.attributes()).isEqualTo(file.attributes());
	}

	@Test
	void writerNumbersPointsAndClosesEveryRing() {
		MultiPolygon polygon = TxtGeometry.build(read(PUBLISHED).parcels().get(0), 4529).geometry();
		TxtFile.Ring ring = TxtGeometry.toRings(polygon).get(0);
		assertThat(ring.points()).extracting(TxtFile.Point::name).containsExactly("J1", "J2", "J3", "J4", "J1");
		assertThat(ring.points().get(0).northing()).isEqualTo(4118012.345);
	}

	@Nested
	class CrsFromTheHeader {

		@Test
		void zonePrefixOnEastingsGivesThePrefixedCode() {
			assertThat(crs(read(PUBLISHED), null)).isEqualTo(4529);
		}

		@Test
		void bareEastingsWithZoneNumberGiveTheCentralMeridianCode() {
			assertThat(crs(read(PUBLISHED.replace(",414156", ",4156")), null)).isEqualTo(4550);
		}

		@Test
		void sixDegreeZonesUseTheirOwnCodes() {
			String sixDegree = PUBLISHED.replace("几度分带=3", "几度分带=6")
				.replace("带号=41", "带号=21")
				.replace(",414156", ",4156");
			assertThat(crs(read(sixDegree), null)).isEqualTo(4510);
		}

		@Test
		void theUsersCrsWins() {
			assertThat(crs(read(PUBLISHED.replace(",414156", ",4156")), 4549)).isEqualTo(4549);
		}

	}

	@Nested
	class Refusals {

		@Test
		void xian1980IsRefusedWithoutAConfiguredCrs() {
			assertThatThrownBy(() -> crs(read(PUBLISHED.replace("2000国家大地坐标系", "1980西安坐标系")), null))
				.isInstanceOf(ApiProblem.class)
				.hasMessage("io.txt.crs.legacy-datum");
		}

		@Test
		void beijing1954IsRefusedEvenWithACgcs2000Code() {
			assertThatThrownBy(() -> crs(read(PUBLISHED.replace("2000国家大地坐标系", "1954北京坐标系")), 4529))
				.hasMessage("io.txt.crs.legacy-datum");
		}

		@Test
		void xian1980IsReadInTheUsersCrsWhereATransformationIsConfigured() {
			TxtFile xian = read(PUBLISHED.replace("2000国家大地坐标系", "1980西安坐标系"));
			assertThat(TxtCrs.resolve(xian, 2383, true)).isEqualTo(2383);
			assertThatThrownBy(() -> TxtCrs.resolve(xian, null, true)).hasMessage("io.txt.crs.legacy-datum-srid");
		}

		@Test
		void zonePrefixDisagreeingWithTheZoneNumberIsRefused() {
			assertThatThrownBy(() -> crs(read(PUBLISHED.replace("带号=41", "带号=40")), null))
				.hasMessage("io.txt.crs.zone-mismatch");
		}

		@Test
		void aFileWithoutZoneIsRefused() {
			assertThatThrownBy(() -> crs(read(PUBLISHED.replace("带号=41\n", "").replace(",414156", ",4156")), null))
				.hasMessage("io.txt.crs.no-zone");
		}

		@Test
		void aPointLineThatIsNotFourFieldsNamesItsLine() {
			assertThatThrownBy(() -> read(PUBLISHED.replace("J3,1,4117980.001,41415690.456", "J3,1,4117980.001")))
				.isInstanceOfSatisfying(ApiProblem.class, (p) -> assertThat(p.properties()).containsEntry("line", 14));
		}

		@Test
		void aFileWithoutParcelsIsRefused() {
			assertThatThrownBy(() -> read(HEADER)).hasMessage("io.txt.no-parcels");
		}

	}

}
