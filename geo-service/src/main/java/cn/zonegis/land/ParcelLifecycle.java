package cn.zonegis.land;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A parcel's status and the steps the bureau may take: planned → red_line_issued
 * (用地红线图出具) → filed (组卷) → listed (挂牌) → transferred (出让); recovered (收回) and cancelled
 * (注销) from any active state. Recovered and cancelled parcels no longer hold their
 * ground.
 */
public enum ParcelLifecycle {

	PLANNED, RED_LINE_ISSUED, FILED, LISTED, TRANSFERRED, RECOVERED, CANCELLED;

	private static final Set<ParcelLifecycle> ENDED = EnumSet.of(RECOVERED, CANCELLED);

	/** The value stored in parcel.status and shown in the API. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The status's name in the caller's language, as a message argument. */
	public MessageSourceResolvable label() {
		return new DefaultMessageSourceResolvable("parcel.status." + code());
	}

	public static Optional<ParcelLifecycle> fromCode(String code) {
		return Arrays.stream(values()).filter((s) -> s.code().equals(code)).findFirst();
	}

	/**
	 * Active parcels hold their ground: they may not overlap, and they move on through
	 * the lifecycle.
	 */
	public boolean isActive() {
		return !ENDED.contains(this);
	}

	/** The statuses this one may move to in one step. */
	public Set<ParcelLifecycle> next() {
		if (!isActive()) {
			return EnumSet.noneOf(ParcelLifecycle.class);
		}
		Set<ParcelLifecycle> next = EnumSet.copyOf(ENDED);
		if (this != TRANSFERRED) {
			next.add(values()[ordinal() + 1]);
		}
		return next;
	}

	public boolean canMoveTo(ParcelLifecycle target) {
		return next().contains(target);
	}

	/**
	 * Codes of the statuses that no longer hold ground, for a SQL parameter
	 * ({@code status NOT IN (:ended)}).
	 */
	public static List<String> endedCodes() {
		return codes(ENDED);
	}

	/** The codes of these statuses, in lifecycle order, for a SQL parameter. */
	public static List<String> codes(Collection<ParcelLifecycle> statuses) {
		return statuses.stream().sorted().map(ParcelLifecycle::code).toList();
	}

}
