package cn.zonegis;

import java.util.List;

import cn.zonegis.security.AppUserRepository;
import cn.zonegis.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs the whole service on a random port against the real PostGIS test database that
 * scripts/test.sh starts (ZONEGIS_TEST_DB_URL), with the demo zone loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	private AppUserRepository users;

	@Autowired
	private PasswordEncoder passwordEncoder;

	/** An HTTP client logged in as the demo user of that name (password: name + 2026). */
	protected Http as(String user) {
		return new Http(this.port, user, user + "2026");
	}

	/**
	 * Work orders and order events carrying this text: 0 when a refused or cut-off write
	 * left nothing.
	 */
	protected long workOrderRowsDescribed(String text) {
		return this.jdbc.sql("""
				SELECT (SELECT count(*) FROM zonegis.work_order WHERE description = :text)
				     + (SELECT count(*) FROM zonegis.work_order_event WHERE note = :text)
				""").param("text", text).query(Long.class).single();
	}

	/**
	 * How many rows the table holds: the same before and after a write that was refused.
	 */
	protected long rowCount(String table) {
		return this.jdbc.sql("SELECT count(*) FROM zonegis." + table).query(Long.class).single();
	}

	/** The audit log's entries for one row (entity and id, as the log stores them). */
	protected long auditEntries(String entity, String id) {
		return this.jdbc.sql("SELECT count(*) FROM zonegis.audit_log WHERE entity = :entity AND entity_id = :id")
			.param("entity", entity)
			.param("id", id)
			.query(Long.class)
			.single();
	}

	/**
	 * Adds a user with one role, and a crew for a crew member, unless the name exists;
	 * the password is name + 2026, as the demo users', so {@link #as(String)} logs in.
	 */
	protected void addUser(String username, String displayName, Role role, Long crewId) {
		this.users.insertIfAbsent(username, displayName, this.passwordEncoder.encode(username + "2026"), List.of(role),
				crewId);
	}

	protected Http anonymous() {
		return new Http(this.port, null, null);
	}

}
