package jp.nop.cx.gateway.routing;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import jp.nop.cx.gateway.problem.Problem;
import jp.nop.cx.gateway.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The routes themselves live in {@code application.yml}; this is what every route shares: the
 * circuit breaker and time limit, and the 503 answer when a service does not answer.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

	/** Where each route's {@code CircuitBreaker} filter forwards when its service fails. */
	static final String FALLBACK_PATH = "/fallback/service-unavailable";

	/**
	 * One breaker per route that opens only when the service fails: it does not connect, breaks the
	 * connection, or does not answer within the time limit. Everything else that can end a call
	 * (a limit of the gateway's own, a client that went away) says nothing about the service and is
	 * not counted; the service's own answers, 5xx included, are answers (ADR 0008). No bulkhead:
	 * {@code spring.cloud.circuitbreaker.bulkhead.resilience4j.enabled=false}.
	 */
	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(ResilienceProperties resilience) {
		CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
			.recordException(RoutingConfiguration::serviceFailed)
			.failureRateThreshold(resilience.failureRateThreshold())
			.slidingWindowSize(resilience.slidingWindowSize())
			.minimumNumberOfCalls(resilience.minimumNumberOfCalls())
			.waitDurationInOpenState(resilience.waitInOpenState())
			.build();
		TimeLimiterConfig timeLimit = TimeLimiterConfig.custom().timeoutDuration(resilience.timeLimit()).build();
		return (factory) -> factory.configureDefault(
				(id) -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(breaker).timeLimiterConfig(timeLimit).build());
	}

	/** Whether a call's failure is the service's: no connection, a broken one, no answer in time. */
	static boolean serviceFailed(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof IOException || cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A stopped, failing or slow service: a 503 problem at once (connection refused, open breaker)
	 * or after the time limit, never a hang. The service's own answers, 5xx included, pass
	 * through unchanged; only a missing answer comes here.
	 */
	@Bean
	RouterFunction<ServerResponse> serviceUnavailableFallback(ProblemResponses problems,
			ResilienceProperties resilience) {
		return RouterFunctions.route(RequestPredicates.path(FALLBACK_PATH), (request) -> {
			ServerWebExchange exchange = request.exchange();
			Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
			Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
			RoutedRequest routed = exchange.getAttribute(RoutedRequest.ATTRIBUTE);
			String routeId = (route != null) ? route.getId() : "unknown";
			log.warn("Route {} did not answer {} {}: {}", routeId, request.method(),
					(routed != null) ? routed.path() : "", (cause != null) ? cause.toString() : "no cause");
			Problem problem = Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable")
				.retryAfterSeconds(resilience.retryAfter().toSeconds())
				.with("route", routeId);
			if (routed != null) {
				problem.instance(routed.path());
			}
			return problems.write(exchange, problem).then(Mono.empty());
		});
	}
}
