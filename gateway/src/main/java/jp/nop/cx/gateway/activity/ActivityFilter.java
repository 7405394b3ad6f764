package jp.nop.cx.gateway.activity;

import java.time.Clock;
import java.time.Instant;

import jp.nop.cx.events.PartnerActivity;
import jp.nop.cx.gateway.messaging.CloudEventPublisher;
import jp.nop.cx.gateway.routing.RoutedRequest;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

/**
 * Art. 2.2, 4.5, 16.3: reports authenticated use by a partner's login IDs, for deemed acceptance
 * of the terms (terms-service) and dormant-ID tracking (identity-service). Sampled by design: at
 * most one event per login ID per interval, fire-and-forget; the request never waits for Kafka.
 * Only requests that passed enforcement and rate limiting count as use.
 */
class ActivityFilter implements GlobalFilter, Ordered {

	static final int ORDER = -200;

	private final ActivitySampler sampler;

	private final CloudEventPublisher publisher;

	private final Clock clock;

	ActivityFilter(ActivitySampler sampler, CloudEventPublisher publisher, Clock clock) {
		this.sampler = sampler;
		this.publisher = publisher;
		this.clock = clock;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		RoutedRequest request = RoutedRequest.of(exchange);
		if (!request.frontend() && request.partnerId() != null && request.loginId() != null) {
			Instant now = this.clock.instant();
			if (this.sampler.sample(request.loginId(), now)) {
				this.publisher.publish(new PartnerActivity(request.partnerId(), request.loginId(),
						request.capability(), request.method().name(),
						request.clientIp(), request.userAgent(), now));
			}
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}
}
