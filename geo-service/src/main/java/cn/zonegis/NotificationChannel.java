package cn.zonegis;

/**
 * A PostgreSQL NOTIFY channel a feature hears through {@link DatabaseNotifications}: one
 * listening connection per service instance serves every channel.
 */
public interface NotificationChannel {

	/** The channel's name, a plain identifier (it is written into LISTEN). */
	String channel();

	/**
	 * One notification, on the listener's thread: return quickly, since every channel
	 * waits behind it.
	 */
	void heard(String payload);

	/**
	 * Whether notifications are being heard: false while the listening connection is
	 * down, when a feature must not trust that it has heard everything; true again once
	 * it is back (notifications sent meanwhile are lost).
	 */
	default void listening(boolean on) {
	}

}
