package jp.nop.cx.gateway.security;

import jp.nop.cx.gateway.problem.Problem;
import jp.nop.cx.gateway.problem.ProblemResponses;
import jp.nop.cx.platform.security.EnrolmentOnlyTokens;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * ADR 0018: a token good only for enrolling a second factor passes only to the enrolment
 * endpoints, by the platform's one list ({@link EnrolmentOnlyTokens}); the services refuse it
 * again. After the audit filter, so a refused write is in the trail like every other refusal.
 */
@Component
class EnrolmentOnlyTokenFilter implements WebFilter, Ordered {

	/** After Spring Security (-100) and the audit filter (0), before routing. */
	static final int ORDER = 10;

	private final ProblemResponses problems;

	EnrolmentOnlyTokenFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		return exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map((principal) -> ((JwtAuthenticationToken) principal).getToken().getClaims())
			.map((claims) -> EnrolmentOnlyTokens.isRestricted(claims) && !EnrolmentOnlyTokens.allows(claims,
					request.getMethod().name(), request.getPath().pathWithinApplication().value()))
			.defaultIfEmpty(false)
			.flatMap((refused) -> refused
					? this.problems.write(exchange, Problem.of(HttpStatus.FORBIDDEN, EnrolmentOnlyTokens.PROBLEM))
					: chain.filter(exchange));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}
}
