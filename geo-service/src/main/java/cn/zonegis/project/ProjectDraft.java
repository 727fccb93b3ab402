package cn.zonegis.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import cn.zonegis.ApiProblem;
import cn.zonegis.InputRules;
import cn.zonegis.NumericColumn;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.GeometryCheck;
import cn.zonegis.geo.GeometryInput;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import tools.jackson.databind.JsonNode;

/**
 * A key project as a planner submits it: a GeoJSON Feature whose geometry is the
 * project's location (a Point) or its footprint (Polygon or MultiPolygon, whose interior
 * point becomes the location); a footprint may also come as properties.footprint, beside
 * a Point, or beside the same footprint as the geometry. Investments are in 万元.
 */
record ProjectDraft(String name, String level, String category, BigDecimal totalInvestmentWan,
		BigDecimal completedInvestmentWan, BigDecimal annualTargetWan, LocalDate startDate, String state,
		List<String> parcelCodes, Point location, MultiPolygon footprint) {

	static final Set<String> LEVELS = Set.of("district", "city", "province");

	static final Set<String> STATES = Set.of("planned", "under_construction", "basically_completed", "in_operation");

	private static final int MAX_TEXT = 200;

	/** The investment columns are numeric(14,2): 万元 to the 元 hundred. */
	private static final NumericColumn INVESTMENT = new NumericColumn(14, 2);

	/**
	 * The properties a project's read publishes: those written, and the computed
	 * {@link ProjectProgress#PROPERTIES}, which may only be sent back as a read gave
	 * them.
	 */
	private static final List<String> KNOWN = Stream
		.concat(Stream.of("name", "level", "category", "total_investment_wan", "completed_investment_wan",
				"annual_target_wan", "start_date", "state", "parcel_codes", "footprint"),
				ProjectProgress.PROPERTIES.stream())
		.toList();

	static ProjectDraft of(JsonNode feature, GeometryCheck boundaries, BBox extent) {
		InputRules.refuseUnknownProperties(feature, KNOWN);
		JsonNode p = feature.path("properties");
		if (!p.isObject()) {
			throw invalid("properties", "project.properties.missing");
		}
		JsonNode geometry = feature.path("geometry");
		JsonNode given = p.path("footprint");
		MultiPolygon footprint = (given.isMissingNode() || given.isNull()) ? null : boundaries.parse(given);
		Point location;
		if (geometry.path("type").asString("").contains("Polygon")) {
			MultiPolygon drawn = boundaries.parse(geometry);
			if (footprint != null && !footprint.equalsTopo(drawn)) {
				throw invalid("footprint", "project.footprint.twice");
			}
			footprint = drawn;
			location = footprint.getInteriorPoint();
		}
		else {
			location = (Point) GeometryInput.read(geometry, "Point", extent);
		}
		BigDecimal total = amount(p, "total_investment_wan", true);
		BigDecimal completed = amount(p, "completed_investment_wan", false);
		completed = (completed == null) ? BigDecimal.ZERO : completed;
		if (total.signum() <= 0) {
			throw invalid("total_investment_wan", "project.total.positive");
		}
		if (completed.compareTo(total) > 0) {
			throw invalid("completed_investment_wan", "project.completed.aboveTotal", completed, total);
		}
		return new ProjectDraft(text(p, "name"), oneOf(p, "level", LEVELS), text(p, "category"), total, completed,
				amount(p, "annual_target_wan", false), date(p, "start_date"), oneOf(p, "state", STATES),
				codes(p.path("parcel_codes")), location, footprint);
	}

	/** The project's progress as a read on that day would publish it. */
	ProjectProgress progress(LocalDate asOf) {
		return ProjectProgress.of(this.totalInvestmentWan, this.completedInvestmentWan, this.annualTargetWan,
				this.startDate, this.state, asOf);
	}

	private static String text(JsonNode p, String name) {
		JsonNode value = p.path(name);
		if (!value.isString() || value.stringValue().isBlank() || value.stringValue().length() > MAX_TEXT) {
			throw invalid(name, "project.text.required", name, MAX_TEXT);
		}
		InputRules.refuseBlanksAround("invalid-attribute", name, value.stringValue());
		return value.stringValue();
	}

	private static String oneOf(JsonNode p, String name, Set<String> allowed) {
		String value = p.path(name).asString("");
		if (!allowed.contains(value)) {
			throw invalid(name, "project.value.allowed", name, value,
					String.join(", ", allowed.stream().sorted().toList()));
		}
		return value;
	}

	private static BigDecimal amount(JsonNode p, String name, boolean required) {
		JsonNode value = p.path(name);
		if (value.isMissingNode() || value.isNull()) {
			if (required) {
				throw invalid(name, "project.amount.invalid", name, "");
			}
			return null;
		}
		if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.decimalValue().signum() < 0) {
			throw invalid(name, "project.amount.invalid", name, value.toString());
		}
		return INVESTMENT.require(value.decimalValue(), "invalid-attribute", name);
	}

	private static LocalDate date(JsonNode p, String name) {
		JsonNode value = p.path(name);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		try {
			return LocalDate.parse(value.asString(""));
		}
		catch (DateTimeParseException ex) {
			throw invalid(name, "project.date.invalid", name, value.toString());
		}
	}

	private static List<String> codes(JsonNode value) {
		List<String> codes = new ArrayList<>();
		if (value.isMissingNode() || value.isNull()) {
			return codes;
		}
		if (!value.isArray()) {
			throw invalid("parcel_codes", "project.parcels.invalid");
		}
		for (JsonNode code : value) {
			if (!code.isString() || code.stringValue().isBlank() || code.stringValue().length() > 40) {
				throw invalid("parcel_codes", "project.parcels.invalid");
			}
			InputRules.refuseBlanksAround("invalid-attribute", "parcel_codes", code.stringValue());
			codes.add(code.stringValue());
		}
		return codes;
	}

	private static ApiProblem invalid(String property, String key, Object... args) {
		return ApiProblem.badRequest("invalid-attribute", key, args).with("property", property);
	}

}
