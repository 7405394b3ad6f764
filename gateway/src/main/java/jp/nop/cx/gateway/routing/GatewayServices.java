package jp.nop.cx.gateway.routing;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the five services answer ({@code cx.gateway.services.<name>.url}); the routes of
 * {@code application.yml} point at these URLs. Readiness asks each service on its management port
 * ({@code cx.gateway.services.<name>.management-url}).
 */
@ConfigurationProperties("cx.gateway")
public record GatewayServices(Map<String, Service> services) {

	public GatewayServices {
		services = (services != null) ? Map.copyOf(services) : Map.of();
	}

	/**
	 * One service's base URL, e.g. {@code http://localhost:8082}, and that of its management
	 * server (actuator), e.g. {@code http://localhost:9082}; the latter defaults to the former.
	 */
	public record Service(URI url, URI managementUrl) {

		public Service {
			managementUrl = (managementUrl != null) ? managementUrl : url;
		}

		/** {@code path} (absolute) on this service's management server. */
		public URI resolveManagement(String path) {
			String base = this.managementUrl.toString();
			return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
		}
	}
}
