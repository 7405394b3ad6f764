package jp.nop.cx.gateway.routing;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the five services answer ({@code cx.gateway.services.<name>.url}); the routes of
 * {@code application.yml} point at these URLs, and readiness asks each of them in turn.
 */
@ConfigurationProperties("cx.gateway")
public record GatewayServices(Map<String, Service> services) {

	public GatewayServices {
		services = (services != null) ? Map.copyOf(services) : Map.of();
	}

	/** One service's base URL, e.g. {@code http://localhost:8082}. */
	public record Service(URI url) {

		/** {@code path} (absolute) on this service. */
		public URI resolve(String path) {
			String base = this.url.toString();
			return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
		}
	}
}
