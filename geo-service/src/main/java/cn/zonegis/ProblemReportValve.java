package cn.zonegis;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat answers some requests itself, before any servlet: a %00 or an encoded slash in
 * the path, an address longer than its header buffer. Its own page for them is HTML; this
 * valve, the host's only error report valve, writes the same problem+json as the service.
 */
final class ProblemReportValve extends ErrorReportValve {

	private final JsonMapper json;

	private final MessageSource messages;

	ProblemReportValve(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		HttpStatus status = HttpStatus.resolve(response.getStatus());
		if (status == null || !status.isError() || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String language = request.getHeader("Accept-Language");
		Locale locale = (language != null && language.toLowerCase(Locale.ROOT).startsWith("en")) ? Locale.ENGLISH
				: Locale.SIMPLIFIED_CHINESE;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage("problem.http." + status.value(), null, status.getReasonPhrase(), locale));
		problem.setType(ProblemWriter.type(ProblemHandler.slug(status)));
		problem.setTitle(
				this.messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(this.json.writeValueAsString(problem));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was committed meanwhile: nothing more to
			// tell it.
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Installation {

		/**
		 * Runs after Spring Boot's customizer, which adds Tomcat's HTML valve, and takes
		 * its place; the host is told this class is its error report valve so that it
		 * adds no other at start.
		 */
		@Bean
		WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReportValve(JsonMapper json,
				MessageSource messages) {
			return new Customizer(json, messages);
		}

	}

	private record Customizer(JsonMapper json,
			MessageSource messages) implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				Pipeline pipeline = context.getParent().getPipeline();
				for (Valve valve : pipeline.getValves()) {
					if (valve instanceof ErrorReportValve) {
						pipeline.removeValve(valve);
					}
				}
				pipeline.addValve(new ProblemReportValve(this.json, this.messages));
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemReportValve.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
