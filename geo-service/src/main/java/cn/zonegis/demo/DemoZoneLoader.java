package cn.zonegis.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.zonegis.geo.SridSql;
import cn.zonegis.security.AppUserRepository;
import cn.zonegis.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty database with the demo zone shipped in gis-data (one GeoJSON file per
 * table, properties named as columns, feature id as primary key) and one user per role.
 * Loading twice adds nothing: rows are keyed by their demo id.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "zonegis.demo.load", havingValue = "true")
public class DemoZoneLoader implements ApplicationRunner {

	/** In dependency order: a row's references are loaded before it. */
	static final List<String> TABLES = List.of("crew", "enterprise", "parcel", "parcel_history", "parcel_event",
			"land_recovery", "expansion_zone", "building", "self_built_house", "park_entry_review", "road", "well",
			"pipe", "cable", "streetlight", "project", "work_order", "work_order_event", "work_quantity");

	private static final Logger log = LoggerFactory.getLogger(DemoZoneLoader.class);

	private static final String COLUMNS = """
			SELECT column_name FROM information_schema.columns
			WHERE table_schema = 'zonegis' AND table_name = :table
			""";

	private static final String GEOMETRY_COLUMNS = """
			SELECT f_geometry_column FROM geometry_columns WHERE f_table_schema = 'zonegis' AND f_table_name = :table
			""";

	private static final String PRIMARY_KEY = """
			SELECT a.attname FROM pg_index i
			JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
			WHERE i.indrelid = ('zonegis.' || :table)::regclass AND i.indisprimary
			""";

	private static final String INSERT = """
			INSERT INTO zonegis.%1$s (%2$s)
			SELECT %2$s FROM jsonb_array_elements(CAST(:collection AS jsonb) -> 'features') f,
				LATERAL jsonb_populate_record(NULL::zonegis.%1$s, (f -> 'properties') || jsonb_build_object(%3$s)) r
			ON CONFLICT (%4$s) DO NOTHING
			""";

	private static final String GEOMETRY_AS_HEX = SridSql.storage("""
			CASE WHEN jsonb_typeof(%1$s) = 'object'
				THEN encode(ST_AsEWKB(ST_SetSRID(ST_GeomFromGeoJSON(%1$s), {storageSrid})), 'hex') END""");

	/**
	 * Moves the sequence past the demo ids, never back: an id handed out before (and
	 * since deleted) must not be reused, or its history would be mixed with a new row's.
	 */
	private static final String RESET_SEQUENCE = """
			SELECT setval(pg_get_serial_sequence('zonegis.%1$s', '%2$s'), GREATEST((SELECT max(%2$s) FROM zonegis.%1$s),
				pg_sequence_last_value(pg_get_serial_sequence('zonegis.%1$s', '%2$s')::regclass), 1))
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AppUserRepository users;

	private final PasswordEncoder encoder;

	private final DemoPasswords passwords;

	DemoZoneLoader(JdbcClient jdbc, JsonMapper json, AppUserRepository users, PasswordEncoder encoder,
			DemoPasswords passwords) {
		this.jdbc = jdbc;
		this.json = json;
		this.users = users;
		this.encoder = encoder;
		this.passwords = passwords;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		long existing = this.jdbc.sql("SELECT count(*) FROM zonegis.parcel").query(Long.class).single();
		if (existing > 0) {
			log.info("Demo zone not loaded: the database already holds {} parcels", existing);
		}
		else {
			loadAllTables();
		}
		createDemoUsers();
	}

	/** Inserts every demo row that is not there yet; returns how many were inserted. */
	@Transactional
	int loadAllTables() {
		return TABLES.stream().mapToInt(this::loadTable).sum();
	}

	private int loadTable(String table) {
		String collection = readCollection(table);
		Set<String> tableColumns = new LinkedHashSet<>(
				this.jdbc.sql(COLUMNS).param("table", table).query(String.class).list());
		List<String> geometryColumns = this.jdbc.sql(GEOMETRY_COLUMNS).param("table", table).query(String.class).list();
		String primaryKey = this.jdbc.sql(PRIMARY_KEY).param("table", table).query(String.class).single();

		Set<String> columns = new LinkedHashSet<>(List.of(primaryKey));
		List<String> overrides = new ArrayList<>(List.of("'" + primaryKey + "'", "f -> 'id'"));
		for (JsonNode feature : this.json.readTree(collection).get("features")) {
			feature.get("properties").propertyNames().forEach(columns::add);
		}
		for (String geometryColumn : geometryColumns) {
			columns.add(geometryColumn);
			String source = "geom".equals(geometryColumn) ? "f -> 'geometry'"
					: "f -> 'properties' -> '" + geometryColumn + "'";
			overrides.add("'" + geometryColumn + "'");
			overrides.add(GEOMETRY_AS_HEX.formatted(source));
		}
		for (String audit : List.of("created_by", "updated_by")) {
			if (tableColumns.contains(audit)) {
				columns.add(audit);
				overrides.add("'" + audit + "'");
				overrides.add("'demo'");
			}
		}
		columns.retainAll(tableColumns);
		String columnList = String.join(", ", columns.stream().map((c) -> "\"" + c + "\"").toList());
		int inserted = this.jdbc.sql(INSERT.formatted(table, columnList, String.join(", ", overrides), primaryKey))
			.param("collection", collection)
			.update();
		this.jdbc.sql(RESET_SEQUENCE.formatted(table, primaryKey)).query(Long.class).single();
		log.info("Demo zone: {} rows into {}", inserted, table);
		return inserted;
	}

	private String readCollection(String table) {
		ClassPathResource file = new ClassPathResource("zonegis/demo/" + table + ".geojson");
		try (InputStream in = file.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("demo file missing from gis-data: " + file.getPath(), ex);
		}
	}

	/**
	 * One user per role, each with its given password or a random one shown once in the
	 * log.
	 */
	private void createDemoUsers() {
		Long firstCrew = this.jdbc.sql("SELECT min(id) FROM zonegis.crew").query(Long.class).optional().orElse(null);
		record DemoUser(String name, String displayName, Role role) {
		}
		StringBuilder randomOnes = new StringBuilder();
		for (DemoUser user : List.of(new DemoUser("viewer", "查看员", Role.VIEWER),
				new DemoUser("planner", "规划员", Role.PLANNER), new DemoUser("dispatcher", "调度员", Role.DISPATCHER),
				new DemoUser("crew", "维修班组员", Role.CREW), new DemoUser("safety", "安全环保员", Role.SAFETY),
				new DemoUser("admin", "管理员", Role.ADMIN))) {
			String given = this.passwords.passwords().get(user.name());
			boolean random = (given == null || given.isBlank());
			String password = random ? randomPassword() : given;
			boolean created = this.users.insertIfAbsent(user.name(), user.displayName(), this.encoder.encode(password),
					List.of(user.role()), user.role() == Role.CREW ? firstCrew : null);
			if (created && random) {
				randomOnes.append("\n    ").append(user.name()).append(" / ").append(password);
			}
			else if (!created) {
				log.info("Demo user {} exists already; its password is left as it is", user.name());
			}
		}
		if (!randomOnes.isEmpty()) {
			log.warn("\n\n  Demo users created with random passwords (shown only this once):{}\n", randomOnes);
		}
	}

	private static String randomPassword() {
		byte[] random = new byte[9];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
