package cn.zonegis;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Chinese unless the client asks for English; the crew's service worker checked for a new
 * release on every visit.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	/**
	 * The web map's build (the web-map jar): its service worker and manifest keep their
	 * names across releases, so a browser must ask again each time (no-cache), unlike
	 * assets/ whose names change with their content.
	 */
	/**
	 * A browser installs the app only from a manifest served as one; the server's own
	 * table does not know the extension.
	 */
	@Bean
	WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> manifestMimeType() {
		return (factory) -> factory
			.addMimeMappings(new MimeMappings(Map.of("webmanifest", "application/manifest+json")));
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/sw.js", "/manifest.webmanifest")
			.addResourceLocations("classpath:/META-INF/resources/")
			.setCacheControl(CacheControl.noCache());
	}

	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		return resolver;
	}

}
