package jp.nop.cx.gateway.readiness;

import java.net.InetSocketAddress;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * SPEC sections 5 and 6: actuator lives on the management port, yet the public port still answers
 * {@code /actuator/health/liveness} and {@code /actuator/health/readiness} (load balancers,
 * {@code ./cx up}). Boot serves those groups on the public port only at one-segment additional
 * paths ({@code /livez}, {@code /readyz}); this maps the usual paths onto them, on the public port
 * only, so nothing else of actuator is reachable there.
 */
class PublicProbesFilter implements WebFilter, Ordered {

	private static final Map<String, String> PROBES = Map.of("/actuator/health/liveness", "/livez",
			"/actuator/health/readiness", "/readyz");

	private final Environment environment;

	PublicProbesFilter(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String target = PROBES.get(request.getPath().value());
		if (target == null || onManagementPort(request)) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(request.mutate().path(target).build()).build());
	}

	private boolean onManagementPort(ServerHttpRequest request) {
		InetSocketAddress local = request.getLocalAddress();
		Integer management = this.environment.getProperty("local.management.port", Integer.class);
		return local != null && management != null && local.getPort() == management;
	}
}
