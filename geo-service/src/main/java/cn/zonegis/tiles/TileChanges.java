package cn.zonegis.tiles;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import cn.zonegis.CommitHook;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears every committed feature change on channel zonegis_tiles (trigger
 * tile_change_notify, migration V60) on a connection of its own, blocked in
 * {@link PGConnection#getNotifications(int)} until one arrives, and drops the tiles it
 * touches from the {@link TileCache}. While that connection is down the cache is off.
 * <p>
 * As a {@link CommitHook} it makes this instance's own edits visible at once without
 * waiting for their notifications to come back: the trigger also keeps a transaction's
 * boxes in the transaction-local setting zonegis.tiles_changed (V61), read just before
 * the commit and dropped from the cache by the committing thread right after it, so the
 * writer's answer, and so its next request, comes after its tiles are gone. Other
 * instances apply the change when their listener reads it, as soon as PostgreSQL delivers
 * it; {@link #catchUp()} waits for that. (The writer's own notification drops the same
 * tiles once more.)
 */
@Component
class TileChanges implements SmartLifecycle, CommitHook {

	static final String CHANNEL = "zonegis_tiles";

	private static final Logger log = LoggerFactory.getLogger(TileChanges.class);

	private static final String SYNC = "sync;";

	/**
	 * What a transaction that changed too much to list keeps in zonegis.tiles_changed.
	 */
	private static final String EVERY_TILE = "*";

	/** The longest {@link #catchUp()} waits for its token before dropping every tile. */
	private static final Duration SYNC_WAIT = Duration.ofSeconds(5);

	/** Idle this long, the listener checks that its connection still answers. */
	private static final int IDLE_CHECK_MILLIS = 15_000;

	private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

	private final TileCache cache;

	private final DataSource dataSource;

	/**
	 * Sync tokens sent and not yet read; a rolled-back one is forgotten after a minute.
	 */
	private final Cache<String, CompletableFuture<Void>> syncs = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	private final Object stopping = new Object();

	private volatile boolean running;

	private Thread thread;

	TileChanges(TileCache cache, DataSource dataSource) {
		this.cache = cache;
		this.dataSource = dataSource;
	}

	@Override
	public Runnable beforeCommit(Connection connection) throws SQLException {
		if (!this.cache.active()) {
			return null;
		}
		String changed;
		try (Statement read = connection.createStatement();
				ResultSet setting = read.executeQuery("SELECT current_setting('zonegis.tiles_changed', true)")) {
			setting.next();
			changed = setting.getString(1);
		}
		if (changed == null || changed.isEmpty()) {
			return null;
		}
		return () -> changed.lines().forEach(this::apply);
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
	public void start() {
		this.running = true;
		this.thread = new Thread(this::listen, "tile-changes");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		synchronized (this.stopping) {
			this.stopping.notifyAll();
		}
		this.thread.interrupt();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = connect()) {
				try (Statement listen = connection.createStatement()) {
					listen.execute("LISTEN " + CHANNEL);
				}
				this.cache.listening(true);
				log.info("Tile cache on: listening for feature changes on {}", CHANNEL);
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = pg.getNotifications(IDLE_CHECK_MILLIS);
					if (notifications == null || notifications.length == 0) {
						checkAlive(connection);
					}
					else {
						for (PGNotification notification : notifications) {
							apply(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Tile cache off: lost the change listener's connection ({})", ex.getMessage());
				}
			}
			finally {
				this.cache.listening(false);
			}
			waitBeforeReconnecting();
		}
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

	/** The pool's database and login, on a connection outside the pool. */
	private Connection connect() throws SQLException {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		Properties login = new Properties();
		login.putAll(pool.getDataSourceProperties());
		login.setProperty("user", pool.getUsername());
		login.setProperty("password", pool.getPassword());
		login.setProperty("ApplicationName", "zonegis tile-changes");
		Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), login);
		connection.setAutoCommit(true);
		return connection;
	}

	private static void checkAlive(Connection connection) throws SQLException {
		try (Statement ping = connection.createStatement()) {
			ping.execute("SELECT 1");
		}
	}

	private void waitBeforeReconnecting() {
		synchronized (this.stopping) {
			try {
				if (this.running) {
					this.stopping.wait(RECONNECT_DELAY.toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running = false;
			}
		}
	}

}
