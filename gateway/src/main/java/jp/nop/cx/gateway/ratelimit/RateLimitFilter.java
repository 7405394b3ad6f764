package jp.nop.cx.gateway.ratelimit;

import java.util.OptionalInt;

import jp.nop.cx.gateway.enforcement.PartnerStandings;
import jp.nop.cx.gateway.problem.Problem;
import jp.nop.cx.gateway.problem.ProblemResponses;
import jp.nop.cx.gateway.ratelimit.RateLimitProperties.Limit;
import jp.nop.cx.gateway.ratelimit.RateLimits.Decision;
import jp.nop.cx.gateway.routing.RoutedRequest;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Art. 7.1(3), 7.2(3): per-partner limits (all of a partner's login IDs share one bucket, lowered
 * by a throttle measure), per-address limits for anonymous calls. Every answer carries
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (IETF
 * draft-ietf-httpapi-ratelimit-headers, separate-field form); a refusal is a 429 problem with
 * {@code Retry-After}.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

	static final int ORDER = -300;

	private final Limiter limits;

	private final PartnerStandings standings;

	private final ExcessiveLoadDetector excessiveLoad;

	private final ProblemResponses problems;

	private final RateLimitProperties properties;

	RateLimitFilter(Limiter limits, PartnerStandings standings, ExcessiveLoadDetector excessiveLoad,
			ProblemResponses problems, RateLimitProperties properties) {
		this.limits = limits;
		this.standings = standings;
		this.excessiveLoad = excessiveLoad;
		this.problems = problems;
		this.properties = properties;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		RoutedRequest request = RoutedRequest.of(exchange);
		if (request.isOperator() && this.properties.operatorsExempt()) {
			return chain.filter(exchange);
		}
		String partnerId = request.partnerId();
		Limit limit;
		String key;
		if (partnerId != null) {
			key = "partner:" + partnerId;
			OptionalInt throttle = this.standings.throttle(partnerId);
			limit = throttle.isPresent() ? Limit.throttle(throttle.getAsInt()) : this.properties.partner();
		}
		else if (request.loginId() != null) {
			key = "login:" + request.loginId();
			limit = this.properties.partner();
		}
		else {
			key = "client:" + request.clientIp();
			limit = this.properties.anonymous();
		}
		Limit chosen = limit;
		return this.limits.take(key, chosen).flatMap((decision) -> answer(exchange, chain, request, chosen, decision));
	}

	private Mono<Void> answer(ServerWebExchange exchange, GatewayFilterChain chain, RoutedRequest request, Limit limit,
			Decision decision) {
		String partnerId = request.partnerId();
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set("RateLimit-Limit", Integer.toString(decision.limit()));
		headers.set("RateLimit-Remaining", Integer.toString(decision.remaining()));
		headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
		if (decision.allowed()) {
			return chain.filter(exchange);
		}
		if (partnerId != null) {
			this.excessiveLoad.refused(partnerId, request.clientIp(), limit.requestsPerSecond());
		}
		return this.problems.write(exchange, Problem.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited")
			.retryAfterSeconds(decision.resetSeconds())
			.with("limitPerSecond", limit.requestsPerSecond())
			.with("burst", limit.burst()));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}
}
