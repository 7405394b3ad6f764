package jp.nop.cx.gateway.problem;

import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Methods the API never uses ({@code TRACE}, {@code CONNECT}, invented ones) are refused by the
 * gateway itself with a 405 problem naming the allowed ones, before authentication and routing, so
 * they never reach a service (TRACE would otherwise be proxied like any other request).
 */
final class UnsupportedMethodFilter implements WebFilter, Ordered {

	static final Set<HttpMethod> ALLOWED = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
			HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

	private static final String ALLOW = ALLOWED.stream()
		.map(HttpMethod::name)
		.sorted()
		.collect(Collectors.joining(", "));

	private final ProblemResponses problems;

	UnsupportedMethodFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (ALLOWED.contains(exchange.getRequest().getMethod())) {
			return chain.filter(exchange);
		}
		return this.problems.write(exchange,
				Problem.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed").header(HttpHeaders.ALLOW, ALLOW));
	}
}
