package jp.nop.cx.gateway.routing;


import jp.nop.cx.platform.client.ClientAddressResolver;
import jp.nop.cx.events.Capability;
import jp.nop.cx.platform.security.CxPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Works out the {@link RoutedRequest} once, before the enforcement, rate limit and activity
 * filters read it. The capability comes from the route's {@code capability} metadata, so the
 * route table in {@code application.yml} is the one place that says which path is which
 * capability.
 */
@Component
class RoutedRequestFilter implements GlobalFilter, Ordered {

	/** Before every rule of the gateway. */
	static final int ORDER = -500;

	static final String CAPABILITY_METADATA = "capability";

	/** A route to the web console's pages, which belong to no capability ({@link ConsoleRoute}). */
	static final String FRONTEND_METADATA = "frontend";

	private final ClientAddress clientAddress;

	RoutedRequestFilter(ClientAddress clientAddress) {
		this.clientAddress = clientAddress;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		Capability capability = capability(route);
		ServerHttpRequest request = exchange.getRequest();
		return exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map((principal) -> CxPrincipal.of((Authentication) principal))
			.map((caller) -> routed(capability, request, caller))
			.switchIfEmpty(Mono.fromSupplier(() -> routed(capability, request, null)))
			.flatMap((routed) -> {
				exchange.getAttributes().put(RoutedRequest.ATTRIBUTE, routed);
				return chain.filter(exchange);
			});
	}

	private RoutedRequest routed(Capability capability, ServerHttpRequest request, CxPrincipal caller) {
		String path = request.getPath().pathWithinApplication().value();
		if (path.length() > 1 && path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return new RoutedRequest(capability, RoutedRequest.isWrite(request.getMethod()), request.getMethod(), path,
				caller, this.clientAddress.of(request), ClientAddressResolver.userAgent(request.getHeaders().getFirst(HttpHeaders.USER_AGENT)));
	}

	static Capability capability(Route route) {
		if (Boolean.TRUE.equals(route.getMetadata().get(FRONTEND_METADATA))) {
			return null;
		}
		Object name = route.getMetadata().get(CAPABILITY_METADATA);
		if (name == null) {
			throw new IllegalStateException("Route " + route.getId() + " names no capability (metadata '"
					+ CAPABILITY_METADATA + "'); every route must belong to one (SPEC section 3)");
		}
		return Capability.fromWireName(name.toString());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}
}
