package cn.zonegis;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem detail as application/problem+json straight to a servlet response, for
 * the filters and security handlers that answer before Spring MVC runs, where
 * {@link ProblemHandler} cannot. Their types share its base, so clients branch on them
 * alike.
 */
public final class ProblemWriter {

	private ProblemWriter() {
	}

	/** The type URI of the problem of that stable name. */
	public static URI type(String name) {
		return URI.create(ProblemHandler.TYPE_BASE + name);
	}

	/** Sets the problem's status and writes it as the whole body, in UTF-8. */
	public static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

}
