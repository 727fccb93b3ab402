package cn.zonegis;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;

/**
 * Waiting for a state the service or the database announces, never for a fixed time:
 * Awaitility asks again until the state holds and fails the test past the limit.
 */
public final class Waiting {

	private Waiting() {
	}

	/** Returns once the state is reached; fails when it is not reached in time. */
	public static void until(Duration limit, BooleanSupplier state) {
		Awaitility.await().atMost(limit).until(state::getAsBoolean);
	}

}
