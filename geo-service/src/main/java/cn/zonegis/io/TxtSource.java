package cn.zonegis.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.zonegis.ApiProblem;
import cn.zonegis.InputRules;
import cn.zonegis.geo.Area;
import cn.zonegis.geo.Srid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Imports a land ministry coordinate TXT: reads it, decides its CRS, refuses points
 * outside the zone (saying so when the axes look swapped), transforms to EPSG:4490 and
 * measures each parcel in its own plane, warning when the surveyor's 地块面积 disagrees.
 */
@Component
class TxtSource {

	private final CrsRepository repository;

	private final MessageSource messages;

	private final IoProperties properties;

	private final boolean legacyDatumConfigured;

	private final InputRules inputRules;

	TxtSource(CrsRepository repository, MessageSource messages, IoProperties properties, InputRules inputRules) {
		this.inputRules = inputRules;
		this.repository = repository;
		this.messages = messages;
		this.properties = properties;
		this.legacyDatumConfigured = properties.legacyDatumConfigured();
	}

	SourceBatch read(byte[] bytes, ImportRequest request) {
		TxtFile file = TxtReader.read(bytes, request.charset());
		this.properties.requireFeatureCount(file.parcels().size());
		int srid = TxtCrs.resolve(file, request.srid(), this.legacyDatumConfigured);
		this.repository.requireKnownSrid(srid);
		Geometry extent = this.repository.extentIn(srid);
		SwappedView swapped = new SwappedView(file.swapped(), request.srid());
		List<SourceFeature> features = new ArrayList<>();
		for (int i = 0; i < file.parcels().size(); i++) {
			features.add(feature(i, file, srid, extent, swapped, request.repair()));
		}
		String crs = GaussKruger.ofSrid(srid).map(GaussKruger::label).orElse("EPSG:" + srid);
		return new SourceBatch(crs, features);
	}

	private SourceFeature feature(int index, TxtFile file, int srid, Geometry extent, SwappedView swapped,
			boolean repairAllowed) {
		TxtFile.Parcel parcel = file.parcels().get(index);
		List<ImportIssue> problems = new ArrayList<>();
		List<ImportIssue> warnings = new ArrayList<>();
		List<ImportIssue> repairs = new ArrayList<>();
		Double surveyedM2 = (parcel.areaHa() == null) ? null : parcel.areaHa().doubleValue() * Area.M2_PER_HA;
		try {
			this.inputRules.checkAttributes(FieldMapping.texts(parcel.code(), parcel.name(), parcel.landUse(),
					parcel.landClassCode(), null, parcel.note()));
		}
		catch (ApiProblem problem) {
			problems.add(ImportIssue.of(problem, this.messages));
		}
		MultiPolygon plane;
		try {
			TxtGeometry.Built built = TxtGeometry.build(parcel, srid);
			plane = built.geometry();
			for (TxtGeometry.RingRepair repair : built.repairs()) {
				(repairAllowed ? repairs : problems).add(ringIssue(repair, repairAllowed, label(parcel, index)));
			}
		}
		catch (ApiProblem problem) {
			problems.add(ImportIssue.of(problem, this.messages));
			return result(index, parcel, surveyedM2, null, null, problems, warnings, repairs);
		}
		Optional<TxtFile.Point> outside = firstOutside(parcel, extent);
		if (outside.isPresent()) {
			TxtFile.Point p = outside.get();
			boolean looksSwapped = swapped.fitsInside(index);
			problems.add(ImportIssue.of(this.messages, looksSwapped ? "axes-swapped" : "outside-extent",
					looksSwapped ? "io.txt.axes-swapped" : "io.txt.outside-extent", label(parcel, index), p.name(),
					coordinate(p.northing()), coordinate(p.easting())));
			return result(index, parcel, surveyedM2, null, null, problems, warnings, repairs);
		}
		double areaM2 = TxtGeometry.planeAreaM2(plane);
		addWarnings(file, parcel, plane, areaM2, surveyedM2, warnings, index);
		return result(index, parcel, surveyedM2, this.repository.transform(plane, Srid.CGCS2000), areaM2, problems,
				warnings, repairs);
	}

	/**
	 * A change the rings need: a problem refusing the parcel unless the request allows
	 * repairs, and then a repair the report lists.
	 */
	private ImportIssue ringIssue(TxtGeometry.RingRepair repair, boolean made, String parcel) {
		boolean closed = TxtGeometry.RingRepair.CLOSED.equals(repair.kind());
		String type = made ? repair.kind() : (closed ? "ring-open" : "ring-outside-shell");
		String key = "io.txt." + (made ? "repaired." : "refused.") + repair.kind();
		ApiProblem issue = ApiProblem
			.unprocessable(type, key, parcel, repair.ring(), repair.firstPoint(), repair.part())
			.with("ring", repair.ring())
			.with("point", repair.firstPoint());
		return ImportIssue.of(made ? issue : issue.with("parameter", "repair"), this.messages);
	}

	private void addWarnings(TxtFile file, TxtFile.Parcel parcel, MultiPolygon plane, double areaM2, Double surveyedM2,
			List<ImportIssue> warnings, int index) {
		int points = parcel.rings().stream().mapToInt((r) -> r.points().size()).sum();
		if (parcel.pointCount() != null && parcel.pointCount() != points) {
			warnings.add(ImportIssue.of(this.messages, "point-count", "io.txt.point-count", label(parcel, index),
					parcel.pointCount(), points));
		}
		if (surveyedM2 != null) {
			double tolerance = areaTolerance(parcel.areaHa(), file.precisionM(), TxtGeometry.perimeterM(plane));
			if (Math.abs(areaM2 - surveyedM2) > tolerance) {
				warnings
					.add(ImportIssue.of(this.messages, "area-mismatch", "io.txt.area-mismatch", label(parcel, index),
							parcel.areaHa().toPlainString(), area(areaM2), area(areaM2 - surveyedM2), area(tolerance)));
			}
		}
	}

	/**
	 * How far the surveyor's area may honestly be from ours: half a unit of its last
	 * written decimal, plus the band one coordinate step wide along the boundary.
	 */
	static double areaTolerance(BigDecimal areaHa, double precisionM, double perimeterM) {
		double rounding = 0.5 * Math.pow(10, -Math.max(areaHa.scale(), 0)) * Area.M2_PER_HA;
		return rounding + perimeterM * precisionM;
	}

	private static Optional<TxtFile.Point> firstOutside(TxtFile.Parcel parcel, Geometry extent) {
		GeometryFactory factory = extent.getFactory();
		return parcel.rings()
			.stream()
			.flatMap((r) -> r.points().stream())
			.filter((p) -> !extent.covers(factory.createPoint(new Coordinate(p.easting(), p.northing()))))
			.findFirst();
	}

	private static SourceFeature result(int index, TxtFile.Parcel parcel, Double surveyedM2, MultiPolygon geometry,
			Double areaM2, List<ImportIssue> problems, List<ImportIssue> warnings, List<ImportIssue> repairs) {
		return new SourceFeature(index, parcel.code(), parcel.name(), parcel.landUse(), parcel.landClassCode(), null,
				surveyedM2, parcel.note(), null, geometry, areaM2, problems, warnings, repairs);
	}

	private static String label(TxtFile.Parcel parcel, int index) {
		return (parcel.code() != null) ? parcel.code() : "#" + (index + 1);
	}

	private static String coordinate(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	private static String area(double m2) {
		return String.format(Locale.ROOT, "%.2f", m2);
	}

	/**
	 * The file read with its two numbers exchanged, in the CRS that reading implies: a
	 * parcel that falls inside the zone this way means the file wrote easting before
	 * northing. Worked out only when a parcel falls outside.
	 */
	private final class SwappedView {

		private final TxtFile file;

		private final Integer userSrid;

		private Optional<Geometry> extent;

		SwappedView(TxtFile file, Integer userSrid) {
			this.file = file;
			this.userSrid = userSrid;
		}

		boolean fitsInside(int index) {
			if (this.extent == null) {
				this.extent = extent();
			}
			return this.extent.filter((e) -> firstOutside(this.file.parcels().get(index), e).isEmpty()).isPresent();
		}

		private Optional<Geometry> extent() {
			try {
				return Optional.of(TxtSource.this.repository
					.extentIn(TxtCrs.resolve(this.file, this.userSrid, TxtSource.this.legacyDatumConfigured)));
			}
			catch (ApiProblem ex) {
				// The swapped reading names no usable CRS, so it cannot explain the file
				// either.
				return Optional.empty();
			}
		}

	}

}
