package cn.zonegis;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;

/** Waiting for a state the service or the database announces, never for a fixed time. */
public final class Waiting {

	private Waiting() {
	}

	/** Polls until the state is reached; fails when it is not reached in time. */
	public static void until(Duration limit, BooleanSupplier state) {
		Instant deadline = Instant.now().plus(limit);
		while (!state.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				fail("not reached within " + limit);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail("interrupted");
			}
		}
	}

}
