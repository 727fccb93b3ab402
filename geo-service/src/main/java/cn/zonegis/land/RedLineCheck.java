package cn.zonegis.land;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.GeometryCheck;
import cn.zonegis.geo.GeometryDefect;
import cn.zonegis.geo.GeometryRepair;
import cn.zonegis.geo.GeometryRepair.RepairReport;
import org.locationtech.jts.geom.MultiPolygon;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The red-line rules every boundary passes before it is stored: valid geometry (or
 * repaired on request) and no overlap with an active parcel beyond the tolerance (or
 * clipped on request).
 */
@Component
class RedLineCheck {

	static final String OVERLAP_TYPE = "red-line-overlap";

	/**
	 * Marks a parcel not stored yet, so no stored parcel is excluded from the overlap
	 * search.
	 */
	static final long NEW_PARCEL = -1;

	private final GeometryCheck geometry;

	private final GeometryRepair repair;

	private final ParcelRepository parcels;

	private final LandProperties land;

	private final MessageSource messages;

	RedLineCheck(GeometryCheck geometry, GeometryRepair repair, ParcelRepository parcels, LandProperties land,
			MessageSource messages) {
		this.geometry = geometry;
		this.repair = repair;
		this.parcels = parcels;
		this.land = land;
		this.messages = messages;
	}

	/**
	 * The boundary to store for parcel id (NEW_PARCEL when new), or a 422/409 saying why
	 * not.
	 */
	Checked check(MultiPolygon drawn, long id, EditOptions options) {
		MultiPolygon shape = drawn;
		RepairReport repaired = null;
		Optional<GeometryDefect> defect = this.geometry.validate(shape);
		if (defect.isPresent()) {
			if (!options.repair()) {
				throw defect.get().toProblem();
			}
			GeometryRepair.Repaired result = this.repair.repair(shape, defect.get());
			shape = result.geometry();
			repaired = result.report();
		}
		ParcelView.ClipReport clipped = null;
		if (options.clip()) {
			ParcelRepository.Clipped result = this.parcels.clip(shape, id);
			if (!result.report().clippedBy().isEmpty()) {
				if (result.geometry().isEmpty()) {
					throw ApiProblem
						.unprocessable(GeometryDefect.PROBLEM_TYPE, "red-line.clip.empty",
								String.join(", ", result.report().clippedBy()))
						.with("defect", "empty-after-clip");
				}
				shape = result.geometry();
				clipped = result.report();
			}
		}
		List<Overlap> overlaps = overlaps(shape, id);
		if (!overlaps.isEmpty()) {
			throw overlapProblem(overlaps);
		}
		return new Checked(shape, repaired, clipped);
	}

	/** Active parcels other than id that overlap the shape beyond the tolerance. */
	List<Overlap> overlaps(MultiPolygon shape, long id) {
		return this.parcels.overlaps(shape, id, this.land.overlapToleranceM2());
	}

	/** A 409 listing each conflicting parcel with its overlap area and geometry. */
	ApiProblem overlapProblem(List<Overlap> overlaps) {
		Locale locale = LocaleContextHolder.getLocale();
		List<String> items = new ArrayList<>();
		for (Overlap o : overlaps) {
			items.add(this.messages.getMessage("red-line.overlap.item", new Object[] { o.code(),
					decimal(o.overlapAreaM2(), 1), decimal(o.near().get(0), 6), decimal(o.near().get(1), 6) }, locale));
		}
		String separator = this.messages.getMessage("red-line.overlap.separator", null, "; ", locale);
		return ApiProblem
			.conflict(OVERLAP_TYPE, "red-line.overlap", String.join(separator, items),
					String.join(", ", overlaps.stream().map(Overlap::code).toList()))
			.with("conflictingParcels", overlaps)
			.with("toleranceM2", this.land.overlapToleranceM2());
	}

	private static String decimal(double value, int scale) {
		return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
	}

	/** A boundary that passed, and what the server changed in it. */
	record Checked(MultiPolygon geometry, RepairReport repair, ParcelView.ClipReport clip) {
	}

}
