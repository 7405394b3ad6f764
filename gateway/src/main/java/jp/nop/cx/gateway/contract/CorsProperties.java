package jp.nop.cx.gateway.contract;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser origins that may call the API through the gateway ({@code cx.gateway.cors.*},
 * {@code CX_CORS_ALLOWED_ORIGINS} comma-separated). None by default; never a wildcard.
 */
@ConfigurationProperties("cx.gateway.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins) {

	public CorsProperties {
		allowedOrigins = allowedOrigins.stream().map(String::trim).filter((o) -> !o.isEmpty()).toList();
		if (allowedOrigins.contains("*")) {
			throw new IllegalArgumentException("cx.gateway.cors.allowed-origins: list the origins, no wildcard");
		}
	}
}
