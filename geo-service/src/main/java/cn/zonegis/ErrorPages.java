package cn.zonegis;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page: whatever ended in {@code sendError} or an exception outside
 * Spring MVC (a filter, the servlet container) is turned into an {@link ApiProblem},
 * which {@link ProblemHandler} renders as problem+json like any other. A 5xx says nothing
 * of its cause.
 */
@RestController
class ErrorPages implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	void error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null || !status.isError()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		throw new ApiProblem(status, ProblemHandler.slug(status), "problem.http." + status.value());
	}

}
