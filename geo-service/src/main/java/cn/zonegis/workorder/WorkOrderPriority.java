package cn.zonegis.workorder;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How soon a work order must be done; with its kind it sets the due time (see
 * {@link SlaProperties}).
 */
public enum WorkOrderPriority {

	URGENT, HIGH, NORMAL, LOW;

	/** The priority of an order reported without one. */
	public static final WorkOrderPriority DEFAULT = NORMAL;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<WorkOrderPriority> of(String value) {
		return Arrays.stream(values()).filter((p) -> p.value().equals(value)).findFirst();
	}

}
