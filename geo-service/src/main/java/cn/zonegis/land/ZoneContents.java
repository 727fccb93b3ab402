package cn.zonegis.land;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.zonegis.geo.Area;
import cn.zonegis.geo.GeometryRepair;

/**
 * Everything inside or across an expansion zone, with the area inside. For a
 * chemical-park sub-zone {@code nonChemicalEnterprises} lists the plants that must
 * relocate, convert or may stay.
 *
 * @param relation in each entry: {@code inside} (covered by the zone) or {@code crossing}
 */
public record ZoneContents(Zone zone, List<ParcelInZone> parcels, List<EnterpriseInZone> enterprises,
		List<EnterpriseInZone> nonChemicalEnterprises, List<ProjectInZone> projects, Totals totals) {

	/** An area in m², 亩 and 公顷. */
	public record Measure(double m2, double mu, double ha) {

		/**
		 * Each unit rounded from the area itself, as the features state theirs: 亩 worked
		 * out of the m² rounded to the cm² can differ in the last decimal.
		 */
		static Measure of(double areaM2) {
			return new Measure(GeometryRepair.round(areaM2), Math.round(Area.toMu(areaM2) * 10000) / 10000.0,
					Math.round(Area.toHa(areaM2) * 10000) / 10000.0);
		}

	}

	public record Zone(long id, String code, String name, String kind, String status, Measure area) {
	}

	public record ParcelInZone(long id, String code, String name, String status, String landUse, String holder,
			String relation, Measure area, Measure areaInside) {
	}

	public record EnterpriseInZone(long id, String name, String industry, boolean chemical, String relocationState,
			Integer employees, String relation, Measure footprintInside) {
	}

	public record ProjectInZone(long id, String name, String state, String category, BigDecimal totalInvestmentWan,
			BigDecimal completedInvestmentWan, String relation, Measure footprintInside) {
	}

	/**
	 * @param parcelAreaInside area of the zone covered by parcels that are not recovered
	 * @param recoveredAreaInside area of the zone covered by recovered parcels
	 * @param relocationStates non-chemical enterprises by relocation state
	 */
	public record Totals(int parcels, Map<String, Long> parcelsByStatus, Measure parcelAreaInside,
			Measure recoveredAreaInside, int enterprises, int chemicalEnterprises, Map<String, Long> relocationStates,
			int projects, BigDecimal projectInvestmentWan, BigDecimal projectCompletedWan) {
	}

}
