package cn.zonegis.tiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import cn.zonegis.CommitHook;
import cn.zonegis.NotificationChannel;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Hears every committed feature change on channel zonegis_tiles (trigger
 * tile_change_notify, migration V60) through {@link cn.zonegis.DatabaseNotifications},
 * and drops the tiles it touches from the {@link TileCache}. While that listener is down
 * the cache is off.
 * <p>
 * As a {@link CommitHook} it makes this instance's own edits visible at once without
 * waiting for their notifications to come back: the trigger also keeps a transaction's
 * boxes in the transaction-local setting zonegis.tiles_changed (V61), read in the round
 * trip of the commit and dropped from the cache by the committing thread right after it,
 * so the writer's answer, and so its next request, comes after its tiles are gone. Other
 * instances apply the change when their listener reads it, as soon as PostgreSQL delivers
 * it; {@link #catchUp()} waits for that. (The writer's own notification drops the same
 * tiles once more.)
 */
@Component
class TileChanges implements NotificationChannel, CommitHook {

	static final String CHANNEL = "zonegis_tiles";

	private static final Logger log = LoggerFactory.getLogger(TileChanges.class);

	private static final String SYNC = "sync;";

	/**
	 * What a transaction that changed too much to list keeps in zonegis.tiles_changed.
	 */
	private static final String EVERY_TILE = "*";

	/** The longest {@link #catchUp()} waits for its token before dropping every tile. */
	private static final Duration SYNC_WAIT = Duration.ofSeconds(5);

	private final TileCache cache;

	private final DataSource dataSource;

	/**
	 * Sync tokens sent and not yet read; a rolled-back one is forgotten after a minute.
	 */
	private final Cache<String, CompletableFuture<Void>> syncs = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	TileChanges(TileCache cache, DataSource dataSource) {
		this.cache = cache;
		this.dataSource = dataSource;
	}

	@Override
	public CommitQuery beforeCommit() {
		if (!this.cache.active()) {
			return null;
		}
		return new CommitQuery("SELECT current_setting('zonegis.tiles_changed', true)", List.of(), (rows) -> {
			rows.next();
			String changed = rows.getString(1);
			return (changed == null || changed.isEmpty()) ? null : () -> changed.lines().forEach(this::apply);
		});
	}

	/**
	 * Returns once every change committed before this call has reached this instance's
	 * cache.
	 */
	void catchUp() {
		String token = UUID.randomUUID().toString();
		CompletableFuture<Void> read = new CompletableFuture<>();
		this.syncs.put(token, read);
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement sync = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
			sync.setString(1, CHANNEL);
			sync.setString(2, SYNC + token);
			sync.execute();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not send a sync token", ex);
		}
		await(token, read);
	}

	private void await(String token, CompletableFuture<Void> read) {
		try {
			read.get(SYNC_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			log.warn("Tile changes not heard within {}: every cached tile dropped", SYNC_WAIT);
			this.cache.invalidateAll();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.cache.invalidateAll();
		}
		finally {
			this.syncs.invalidate(token);
		}
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	/**
	 * While no one listens for changes, a cached tile could go stale: the cache is off.
	 */
	@Override
	public void listening(boolean on) {
		this.cache.listening(on);
	}

	@Override
	public void heard(String payload) {
		apply(payload);
	}

	/**
	 * One notification or committed statement: a sync token, "table;minLon minLat maxLon
	 * maxLat;…", or "*" for every tile.
	 */
	private void apply(String payload) {
		if (EVERY_TILE.equals(payload)) {
			this.cache.invalidateAll();
			return;
		}
		if (payload.startsWith(SYNC)) {
			CompletableFuture<Void> waiting = this.syncs.getIfPresent(payload.substring(SYNC.length()));
			if (waiting != null) {
				waiting.complete(null);
			}
			return;
		}
		String[] parts = payload.split(";");
		List<double[]> boxes = new ArrayList<>(parts.length - 1);
		for (int i = 1; i < parts.length; i++) {
			String[] numbers = parts[i].split(" ");
			boxes.add(new double[] { Double.parseDouble(numbers[0]), Double.parseDouble(numbers[1]),
					Double.parseDouble(numbers[2]), Double.parseDouble(numbers[3]) });
		}
		this.cache.invalidate(parts[0], boxes);
	}

}
