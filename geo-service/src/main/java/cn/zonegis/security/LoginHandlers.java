package cn.zonegis.security;

import java.io.IOException;

import cn.zonegis.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfToken;

/** The web map logs in with a form post and gets JSON back, never a redirect. */
final class LoginHandlers {

	private final JsonMapper json;

	private final AppUserRepository users;

	private final DatabaseOutage outage;

	LoginHandlers(JsonMapper json, AppUserRepository users, DatabaseOutage outage) {
		this.json = json;
		this.users = users;
		this.outage = outage;
	}

	void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication auth) throws IOException {
		// Login rotates the CSRF token; load the new one now so its cookie goes out with
		// this response.
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		if (token != null) {
			token.getToken();
		}
		response.setStatus(HttpStatus.OK.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(),
				Me.of(this.users.findByUsername(auth.getName()).orElseThrow()));
	}

	void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (DatabaseOutage.causedBy(ex)) {
			this.outage.write(request, response);
			return;
		}
		SecurityConfig.writeProblem(response, this.json, HttpStatus.UNAUTHORIZED, "login-failed",
				"用户名或密码错误 / Wrong user name or password");
	}

}
