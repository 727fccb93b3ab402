package cn.zonegis.geo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import cn.zonegis.ApiProblem;

/**
 * What is wrong with a boundary and where: the defect slug (self-intersection,
 * ring-not-closed…), the 1-based part and ring (ring 1 is the outer ring, 2… the holes)
 * and the lon/lat nearest the fault.
 *
 * @param defect stable slug, the problem's {@code defect} property
 * @param part 1-based polygon number, or null when the defect concerns the whole geometry
 * @param ring 1-based ring number inside the part, or null
 * @param location lon/lat of the fault, or null
 * @param extra further message arguments after part, ring, lon and lat
 */
public record GeometryDefect(String defect, Integer part, Integer ring, double[] location, List<Object> extra) {

	public static final String PROBLEM_TYPE = "invalid-geometry";

	public GeometryDefect {
		extra = List.copyOf(extra);
	}

	static GeometryDefect of(String defect, Integer part, Integer ring, double[] location, Object... extra) {
		return new GeometryDefect(defect, part, ring, location, List.of(extra));
	}

	/** The key in the land message bundle that explains this defect. */
	public String messageKey() {
		return "geometry." + this.defect;
	}

	/** A 422 problem naming the defect, the ring or part and the coordinate. */
	public ApiProblem toProblem() {
		List<Object> args = new ArrayList<>();
		args.add(this.part == null ? "" : this.part.toString());
		args.add(this.ring == null ? "" : this.ring.toString());
		args.add(this.location == null ? "" : format(this.location[0]));
		args.add(this.location == null ? "" : format(this.location[1]));
		args.addAll(this.extra);
		ApiProblem problem = ApiProblem.unprocessable(PROBLEM_TYPE, messageKey(), args.toArray())
			.with("defect", this.defect);
		if (this.location != null) {
			problem.with("location", List.of(this.location[0], this.location[1]));
		}
		if (this.part != null) {
			problem.with("part", this.part);
		}
		if (this.ring != null) {
			problem.with("ring", this.ring);
		}
		return problem;
	}

	/** Seven decimals of a degree are about a centimetre: enough to find the vertex. */
	static String format(double degrees) {
		return BigDecimal.valueOf(degrees).setScale(7, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

}
