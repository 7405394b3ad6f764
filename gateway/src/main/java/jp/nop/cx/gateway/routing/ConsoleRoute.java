package jp.nop.cx.gateway.routing;

import java.net.ConnectException;
import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The portal's web console behind the gateway (SPEC section 3, console): every path that is not
 * the API, the gateway's own actuator, or the API documents. It is a route of its own, last in
 * order, and belongs to no capability: the pages carry no token, and the console's own calls
 * come back through the API routes, where enforcement and rate limits apply to its users.
 * {@code cx.gateway.console.url} ({@code CX_CONSOLE_URL}) may be {@code lb://console} over several
 * consoles, which share their sessions in Redis.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoute {

	static final String ID = "console";

	@Bean
	RouteLocator consoleRouteLocator(RouteLocatorBuilder routes, @Value("${cx.gateway.console.url}") URI console) {
		return routes.routes()
			.route(ID, (route) -> route.order(Integer.MAX_VALUE)
				.not((p) -> p.path(ConsolePaths.NOT_CONSOLE))
				.filters((f) -> f.circuitBreaker((breaker) -> breaker.setName(ID)
					.setFallbackUri("forward:" + RoutingConfiguration.FALLBACK_PATH))
					// Several consoles (lb://console, ./cx up --scale console=2): as on every API route
					// (application.yml), a refused connection, an instance that stopped, is retried on the
					// next instance whatever the method, since nothing reached it; never an answer.
					.retry((retry) -> retry.setRetries(2)
						.allMethods()
						.setSeries(HttpStatus.Series.INFORMATIONAL)
						.setExceptions(ConnectException.class)))
				.metadata(RoutedRequestFilter.FRONTEND_METADATA, true)
				.uri(console))
			.build();
	}

}
