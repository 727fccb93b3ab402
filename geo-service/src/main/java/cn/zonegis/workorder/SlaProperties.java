package cn.zonegis.workorder;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service level: how long after it is reported a work order of each priority must be
 * done, with optional overrides per kind. Configured under {@code zonegis.workorder.sla},
 * e.g. {@code zonegis.workorder.sla.by-priority.urgent=4h} or
 * {@code zonegis.workorder.sla.by-kind.well_cover.urgent=2h}; what is not configured
 * keeps the defaults below.
 *
 * @param byPriority time allowed per priority
 * @param byKind time allowed per kind and priority, where it differs from the priority's
 */
@ConfigurationProperties("zonegis.workorder.sla")
public record SlaProperties(Map<String, Duration> byPriority, Map<String, Map<String, Duration>> byKind) {

	private static final Map<WorkOrderPriority, Duration> DEFAULT_BY_PRIORITY = new EnumMap<>(
			Map.of(WorkOrderPriority.URGENT, Duration.ofHours(4), WorkOrderPriority.HIGH, Duration.ofHours(24),
					WorkOrderPriority.NORMAL, Duration.ofHours(72), WorkOrderPriority.LOW, Duration.ofDays(7)));

	/**
	 * An open manhole is a danger to passers-by; greening can wait for the planting
	 * season's rhythm.
	 */
	private static final Map<WorkOrderKind, Map<WorkOrderPriority, Duration>> DEFAULT_BY_KIND = Map.of(
			WorkOrderKind.WELL_COVER, Map.of(WorkOrderPriority.URGENT, Duration.ofHours(2)), WorkOrderKind.GREENING,
			Map.of(WorkOrderPriority.NORMAL, Duration.ofDays(7), WorkOrderPriority.LOW, Duration.ofDays(14)));

	public SlaProperties {
		byPriority = (byPriority == null) ? Map.of() : Map.copyOf(byPriority);
		byKind = (byKind == null) ? Map.of() : Map.copyOf(byKind);
	}

	/**
	 * The time allowed for an order of that kind and priority: configured per kind, else
	 * configured per priority, else the default per kind, else the default per priority.
	 */
	public Duration allowed(WorkOrderKind kind, WorkOrderPriority priority) {
		Duration configured = this.byKind.getOrDefault(kind.value(), Map.of()).get(priority.value());
		if (configured == null) {
			configured = this.byPriority.get(priority.value());
		}
		if (configured == null) {
			configured = DEFAULT_BY_KIND.getOrDefault(kind, Map.of()).get(priority);
		}
		return (configured != null) ? configured : DEFAULT_BY_PRIORITY.get(priority);
	}

}
