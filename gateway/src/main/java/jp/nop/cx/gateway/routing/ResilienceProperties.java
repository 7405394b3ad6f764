package jp.nop.cx.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The circuit breaker and time limit every route gets, each route its own breaker named after the
 * route. The connect timeout is the HTTP client's:
 * {@code spring.cloud.gateway.server.webflux.httpclient.connect-timeout}.
 *
 * @param timeLimit how long a service may take to answer before the caller gets a 503
 * @param retryAfter the {@code Retry-After} of that 503
 * @param failureRateThreshold percentage of failed calls that opens the breaker
 * @param slidingWindowSize calls the failure rate is computed over
 * @param minimumNumberOfCalls calls before the failure rate counts at all
 * @param waitInOpenState how long an open breaker answers 503 at once before trying again
 */
@ConfigurationProperties("cx.gateway.resilience")
public record ResilienceProperties(@DefaultValue("10s") Duration timeLimit, @DefaultValue("5s") Duration retryAfter,
		@DefaultValue("50") float failureRateThreshold, @DefaultValue("20") int slidingWindowSize,
		@DefaultValue("10") int minimumNumberOfCalls, @DefaultValue("10s") Duration waitInOpenState) {
}
