package cn.zonegis.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokenRepository {

	private static final String INSERT = """
			INSERT INTO zonegis.api_token (user_id, name, token_sha256, prefix)
			SELECT id, :name, :sha256, :prefix FROM zonegis.app_user WHERE username = :username
			RETURNING id
			""";

	private static final String SELECT = """
			SELECT t.id, u.username, t.name, t.prefix, t.created_at, t.revoked_at
			FROM zonegis.api_token t JOIN zonegis.app_user u ON u.id = t.user_id
			""";

	private static final String LIST_ALL = SELECT + " ORDER BY t.id";

	private static final String LIST_OF_USER = SELECT + " WHERE u.username = :username ORDER BY t.id";

	private static final String FIND = SELECT + " WHERE t.id = :id";

	/** The owner of a live token; a disabled user's tokens stop working with the user. */
	private static final String OWNER_OF_LIVE_TOKEN = """
			SELECT u.id, u.username, u.display_name, u.password_hash, u.roles, u.crew_id, u.enabled
			FROM zonegis.api_token t JOIN zonegis.app_user u ON u.id = t.user_id
			WHERE t.token_sha256 = :sha256 AND t.revoked_at IS NULL AND u.enabled
			""";

	private static final String REVOKE = """
			UPDATE zonegis.api_token SET revoked_at = now(), revoked_by = :revokedBy
			WHERE id = :id AND revoked_at IS NULL
			""";

	private final JdbcClient jdbc;

	ApiTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String username, String name, String sha256, String prefix) {
		return this.jdbc.sql(INSERT)
			.param("username", username)
			.param("name", name)
			.param("sha256", sha256)
			.param("prefix", prefix)
			.query(Long.class)
			.single();
	}

	List<ApiToken> listAll() {
		return this.jdbc.sql(LIST_ALL).query(ApiTokenRepository::map).list();
	}

	List<ApiToken> listOf(String username) {
		return this.jdbc.sql(LIST_OF_USER).param("username", username).query(ApiTokenRepository::map).list();
	}

	Optional<ApiToken> find(long id) {
		return this.jdbc.sql(FIND).param("id", id).query(ApiTokenRepository::map).optional();
	}

	Optional<AppUser> ownerOfLiveToken(String sha256) {
		return this.jdbc.sql(OWNER_OF_LIVE_TOKEN).param("sha256", sha256).query(AppUserRepository::map).optional();
	}

	boolean revoke(long id, String revokedBy) {
		return this.jdbc.sql(REVOKE).param("id", id).param("revokedBy", revokedBy).update() == 1;
	}

	private static ApiToken map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ApiToken(rs.getLong("id"), rs.getString("username"), rs.getString("name"), rs.getString("prefix"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
	}

}
