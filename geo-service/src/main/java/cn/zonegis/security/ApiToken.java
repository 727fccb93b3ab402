package cn.zonegis.security;

import java.time.OffsetDateTime;

/**
 * An API token as its owner sees it in a list: never the token itself, only its first
 * characters.
 *
 * @param id the token's id, for revoking it
 * @param username whose token it is
 * @param name what the owner called it ("QGIS on the survey laptop")
 * @param prefix the token's first characters
 * @param createdAt when it was made
 * @param revokedAt when it was revoked, or null while it works
 */
public record ApiToken(long id, String username, String name, String prefix, OffsetDateTime createdAt,
		OffsetDateTime revokedAt) {
}
