package cn.zonegis.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** The web map logs in with a form post and gets JSON back, never a redirect. */
final class LoginHandlers {

	private final JsonMapper json;

	LoginHandlers(JsonMapper json) {
		this.json = json;
	}

	void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication auth) throws IOException {
		response.setStatus(HttpStatus.OK.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), CurrentUser.of(auth));
	}

	void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		SecurityConfig.writeProblem(response, this.json, HttpStatus.UNAUTHORIZED, "login-failed",
				"用户名或密码错误 / Wrong user name or password");
	}

}
