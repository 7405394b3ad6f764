package jp.nop.cx.gateway.contract;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * SPEC section 5: the origins of {@code CX_CORS_ALLOWED_ORIGINS} may call the API from a browser.
 * Spring Security's CORS filter (see SecurityConfiguration) answers preflights with this; an origin
 * not listed gets no CORS headers at all, so the browser refuses the answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
class CorsConfiguration {

	/** What the gateway answers with that a browser client must be able to read. */
	static final List<String> EXPOSED = List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, HttpHeaders.ETAG,
			"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

	@Bean
	CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (properties.allowedOrigins().isEmpty()) {
			return source;
		}
		org.springframework.web.cors.CorsConfiguration cors = new org.springframework.web.cors.CorsConfiguration();
		cors.setAllowedOrigins(properties.allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
		cors.setAllowedHeaders(
				List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT_LANGUAGE));
		cors.setExposedHeaders(EXPOSED);
		// Bearer tokens, no cookies: credentials mode stays off.
		cors.setAllowCredentials(false);
		cors.setMaxAge(Duration.ofHours(1));
		source.registerCorsConfiguration("/**", cors);
		return source;
	}
}
