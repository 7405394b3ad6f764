package jp.nop.cx.gateway.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The gateway's limits on the request line and the headers, answered as problems in the request's
 * language (414 {@code uri-too-long}, 431 {@code headers-too-large}). Reactor Netty's own limits
 * are set well above these (application.yml), because the decoder refuses before any header is
 * usable; they remain the backstop, answered by {@link DecoderFailureProblems}.
 */
final class RequestLimitsFilter implements WebFilter, Ordered {

	private final RequestLimitsProperties limits;

	private final ProblemResponses problems;

	RequestLimitsFilter(RequestLimitsProperties limits, ProblemResponses problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		URI uri = exchange.getRequest().getURI();
		long target = length(uri.getRawPath()) + ((uri.getRawQuery() != null) ? 1 + length(uri.getRawQuery()) : 0);
		if (target > this.limits.maxUriLength().toBytes()) {
			return refuse(exchange, HttpStatus.URI_TOO_LONG, "uri-too-long");
		}
		long headers = 0;
		for (Map.Entry<String, List<String>> header : exchange.getRequest().getHeaders().headerSet()) {
			for (String value : header.getValue()) {
				headers += header.getKey().length() + 2 + value.length() + 2;
			}
		}
		if (headers > this.limits.maxHeaderSize().toBytes()) {
			return refuse(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large");
		}
		return chain.filter(exchange);
	}

	private static long length(String part) {
		return (part != null) ? part.length() : 0;
	}

	private Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String code) {
		// The request is not read any further: close the connection rather than drain a body.
		exchange.getResponse().getHeaders().setConnection("close");
		return this.problems.write(exchange, Problem.of(status, code));
	}
}
