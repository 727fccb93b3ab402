package cn.zonegis.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AppUserRepository {

	private static final String FIND_BY_USERNAME = """
			SELECT id, username, display_name, password_hash, roles, crew_id, enabled
			FROM zonegis.app_user WHERE username = :username
			""";

	private static final String COUNT = "SELECT count(*) FROM zonegis.app_user";

	private static final String INSERT_IF_ABSENT = """
			INSERT INTO zonegis.app_user (username, display_name, password_hash, roles, crew_id)
			VALUES (:username, :displayName, :passwordHash, :roles::text[], :crewId)
			ON CONFLICT (username) DO NOTHING
			""";

	private final JdbcClient jdbc;

	AppUserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<AppUser> findByUsername(String username) {
		return this.jdbc.sql(FIND_BY_USERNAME).param("username", username).query(AppUserRepository::map).optional();
	}

	public long count() {
		return this.jdbc.sql(COUNT).query(Long.class).single();
	}

	/** Creates the user unless one of that name exists; true when created. */
	public boolean insertIfAbsent(String username, String displayName, String passwordHash, List<Role> roles,
			Long crewId) {
		String rolesLiteral = "{" + String.join(",", roles.stream().map(Role::name).toList()) + "}";
		return this.jdbc.sql(INSERT_IF_ABSENT)
			.param("username", username)
			.param("displayName", displayName)
			.param("passwordHash", passwordHash)
			.param("roles", rolesLiteral)
			.param("crewId", crewId)
			.update() == 1;
	}

	static AppUser map(ResultSet rs, int row) throws SQLException {
		Array roles = rs.getArray("roles");
		return new AppUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("password_hash"), Arrays.asList((String[]) roles.getArray()),
				rs.getObject("crew_id", Long.class), rs.getBoolean("enabled"));
	}

}
