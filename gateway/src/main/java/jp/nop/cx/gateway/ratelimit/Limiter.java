package jp.nop.cx.gateway.ratelimit;

import jp.nop.cx.gateway.ratelimit.RateLimitProperties.Limit;
import jp.nop.cx.gateway.ratelimit.RateLimits.Decision;
import reactor.core.publisher.Mono;

/**
 * Where the gateway takes a permit: this instance's memory when it runs alone, a store shared
 * by every gateway instance when several run ({@code CX_REDIS_URL}), so a partner's limit holds
 * across all of them (SPEC section 5, scaling).
 */
interface Limiter {

	Mono<Decision> take(String key, Limit limit);

	static Limiter local(RateLimits limits) {
		return (key, limit) -> Mono.fromSupplier(() -> limits.acquire(key, limit));
	}

}
