package cn.zonegis.workorder;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a work order is for, and the unit its quantity of work is counted in on
 * completion: metres of pipe dredged or cable replaced, m² of road repaired or greened, 座
 * of wells rebuilt or covers replaced, 盏 of lamps replaced. An inspection records
 * findings, not quantities; "other" work may be counted in any of the units.
 */
public enum WorkOrderKind {

	ROAD_REPAIR("m2"), PIPE_DREDGING("m"), WELL_REPAIR("座"), WELL_COVER("座"), STREETLIGHT_REPAIR("盏"),
	CABLE_REPAIR("m"), GREENING("m2"), INSPECTION(null), OTHER(null);

	/** Every unit a quantity may be stated in. */
	static final List<String> UNITS = List.of("m", "m2", "座", "盏");

	private final String unit;

	WorkOrderKind(String unit) {
		this.unit = unit;
	}

	/** The unit this kind's quantity is counted in, or null when it has no fixed unit. */
	public String unit() {
		return this.unit;
	}

	/** Whether completing this kind of order must state how much work was done. */
	public boolean needsQuantity() {
		return this.unit != null;
	}

	/** Whether a quantity in that unit fits this kind. */
	public boolean accepts(String quantityUnit) {
		if (this == INSPECTION) {
			return false;
		}
		return (this.unit == null) ? UNITS.contains(quantityUnit) : this.unit.equals(quantityUnit);
	}

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<WorkOrderKind> of(String value) {
		return Arrays.stream(values()).filter((k) -> k.value().equals(value)).findFirst();
	}

}
