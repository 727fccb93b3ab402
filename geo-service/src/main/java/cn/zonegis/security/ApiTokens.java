package cn.zonegis.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zonegis.ApiProblem;
import cn.zonegis.InputRules;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for GIS clients: each user makes, lists and revokes their own; an admin sees
 * and revokes everyone's. The plain token is shown once, when it is made; only its digest
 * is stored.
 */
@Service
public class ApiTokens {

	/**
	 * Marks a password as a token, so a token login never pays for a bcrypt comparison.
	 */
	static final String PREFIX = "zgt_";

	private static final int RANDOM_BYTES = 32;

	private static final int SHOWN_CHARACTERS = PREFIX.length() + 8;

	private static final int MAX_NAME_LENGTH = 100;

	private final SecureRandom random = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final AuditLog audit;

	private final JsonMapper json;

	ApiTokens(ApiTokenRepository tokens, AuditLog audit, JsonMapper json) {
		this.tokens = tokens;
		this.audit = audit;
		this.json = json;
	}

	/**
	 * A new token of the logged-in user; its plain text is in the answer and nowhere
	 * else.
	 */
	@Transactional
	public CreatedApiToken create(String name) {
		if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH
				|| name.codePoints().anyMatch(Character::isISOControl)) {
			throw ApiProblem.badRequest("invalid-token-name", "problem.token.name", MAX_NAME_LENGTH)
				.with("field", "name");
		}
		InputRules.refuseBlanksAround("invalid-token-name", "name", name);
		byte[] secret = new byte[RANDOM_BYTES];
		this.random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String owner = AuditLog.currentUsername();
		long id = this.tokens.insert(owner, name, sha256(token), token.substring(0, SHOWN_CHARACTERS));
		this.audit.record("create", "api_token", id,
				this.json.writeValueAsString(Map.of("name", name, "owner", owner)));
		ApiToken created = this.tokens.find(id).orElseThrow();
		return new CreatedApiToken(created.id(), created.username(), created.name(), created.prefix(),
				created.createdAt(), token);
	}

	/** The logged-in user's tokens; every user's for an admin. */
	@Transactional(readOnly = true)
	public List<ApiToken> list() {
		return isAdmin() ? this.tokens.listAll() : this.tokens.listOf(AuditLog.currentUsername());
	}

	/**
	 * Revokes a token of the logged-in user (any token, for an admin); another's token is
	 * not found.
	 */
	@Transactional
	public void revoke(long id) {
		ApiToken token = this.tokens.find(id)
			.filter((t) -> isAdmin() || t.username().equals(AuditLog.currentUsername()))
			.orElseThrow(() -> ApiProblem.notFound("problem.token.unknown", id));
		if (this.tokens.revoke(id, AuditLog.currentUsername())) {
			this.audit.record("revoke", "api_token", id,
					this.json.writeValueAsString(Map.of("name", token.name(), "owner", token.username())));
		}
	}

	/**
	 * The user a live token belongs to, if any, with their roles. One statement, no
	 * transaction around it: it runs before every request a token sends.
	 */
	public Optional<AppUser> ownerOf(String token) {
		if (token == null || !token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return this.tokens.ownerOfLiveToken(sha256(token));
	}

	private static boolean isAdmin() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * A token just made: the only time its plain text is shown.
	 *
	 * @param token the token to give the GIS client, as its HTTP Basic password or Bearer
	 * token
	 */
	public record CreatedApiToken(long id, String username, String name, String prefix, OffsetDateTime createdAt,
			String token) {
	}

}
