package cn.zonegis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears every {@link NotificationChannel} on one connection of its own, outside the pool,
 * blocked in {@link PGConnection#getNotifications(int)} until a notification arrives, and
 * hands each to its channel. NOTIFY is delivered at commit, in commit order, and never
 * for a rolled-back transaction, whichever service instance or tool sent it.
 */
@Component
class DatabaseNotifications implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);

	/** Idle this long, the listener checks that its connection still answers. */
	private static final int IDLE_CHECK_MILLIS = 15_000;

	private static final Duration RECONNECT_DELAY = Duration.ofSeconds(2);

	private final DataSource dataSource;

	private final Map<String, NotificationChannel> channels;

	private final Object stopping = new Object();

	private volatile boolean running;

	private Thread thread;

	DatabaseNotifications(DataSource dataSource, List<NotificationChannel> channels) {
		this.dataSource = dataSource;
		this.channels = channels.stream()
			.collect(Collectors.toUnmodifiableMap(NotificationChannel::channel, Function.identity()));
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::listen, "database-notifications");
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
					for (String channel : this.channels.keySet()) {
						listen.execute("LISTEN " + channel);
					}
				}
				log.info("Listening for changes on {}", this.channels.keySet());
				this.channels.values().forEach((channel) -> channel.listening(true));
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = pg.getNotifications(IDLE_CHECK_MILLIS);
					if (notifications == null || notifications.length == 0) {
						checkAlive(connection);
					}
					else {
						for (PGNotification notification : notifications) {
							hand(notification);
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Lost the change listener's connection ({})", ex.getMessage());
				}
			}
			finally {
				this.channels.values().forEach((channel) -> channel.listening(false));
			}
			waitBeforeReconnecting();
		}
	}

	/** One channel's failure must not end the loop every channel depends on. */
	private void hand(PGNotification notification) {
		try {
			this.channels.get(notification.getName()).heard(notification.getParameter());
		}
		catch (RuntimeException ex) {
			log.error("Channel {} failed on a notification", notification.getName(), ex);
		}
	}

	/** The pool's database and login, on a connection outside the pool. */
	private Connection connect() throws SQLException {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		Properties login = new Properties();
		login.putAll(pool.getDataSourceProperties());
		login.setProperty("user", pool.getUsername());
		login.setProperty("password", pool.getPassword());
		login.setProperty("ApplicationName", "zonegis notifications");
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
