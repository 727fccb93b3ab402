package cn.zonegis.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.transaction.TransactionException;

/**
 * Logs in with an API token, sent either as the HTTP Basic password of its owner (what
 * QGIS and GDAL can send) or as {@code Authorization: Bearer <token>}. The user gets
 * their own roles.
 */
final class ApiTokenAuthentication implements AuthenticationProvider {

	private static final String BEARER = "Bearer ";

	private final ApiTokens tokens;

	ApiTokenAuthentication(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public Authentication authenticate(Authentication request) {
		Object credentials = request.getCredentials();
		if (!(credentials instanceof String token) || !token.startsWith(ApiTokens.PREFIX)) {
			if (request instanceof BearerToken) {
				throw new BadCredentialsException("not a ZoneGIS token");
			}
			// A password, not a token: the password login decides.
			return null;
		}
		AppUser owner;
		try {
			owner = this.tokens.ownerOf(token).orElseThrow(() -> new BadCredentialsException("unknown token"));
		}
		catch (DataAccessException | TransactionException ex) {
			// As the password login does: the database failed, the token may be fine (an
			// outage, 503).
			// No connection for the look-up's transaction is a TransactionException, not
			// a DataAccessException.
			throw new InternalAuthenticationServiceException("could not look up the token", ex);
		}
		if (request instanceof UsernamePasswordAuthenticationToken && !owner.username().equals(request.getName())) {
			throw new BadCredentialsException("token of another user");
		}
		UserDetails user = DatabaseUserDetailsService.details(owner);
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		result.setDetails(request.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication)
				|| BearerToken.class.isAssignableFrom(authentication);
	}

	/** Reads {@code Authorization: Bearer …}; other requests pass on untouched. */
	static AuthenticationConverter bearerConverter() {
		WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();
		return (HttpServletRequest request) -> {
			String header = request.getHeader("Authorization");
			if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
				return null;
			}
			BearerToken token = new BearerToken(header.substring(BEARER.length()).strip());
			token.setDetails(details.buildDetails(request));
			return token;
		};
	}

	/** A Bearer token not yet checked; it names no user until it is. */
	static final class BearerToken extends AbstractAuthenticationToken {

		private final String token;

		BearerToken(String token) {
			super(List.of());
			this.token = token;
		}

		@Override
		public Object getCredentials() {
			return this.token;
		}

		@Override
		public Object getPrincipal() {
			return "";
		}

	}

}
