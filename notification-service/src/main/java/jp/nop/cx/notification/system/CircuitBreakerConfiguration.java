package jp.nop.cx.notification.system;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One breaker configuration for the SMTP server and for each webhook host: when most recent
 * calls failed, calls stop for a while and deliveries wait instead of each waiting for a timeout,
 * so one dead endpoint never slows the rest.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

	@Bean
	CircuitBreakerConfig notificationCircuitBreakerConfig(NotificationProperties properties) {
		NotificationProperties.Breaker breaker = properties.breaker();
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(breaker.slidingWindowSize())
			.minimumNumberOfCalls(breaker.minimumNumberOfCalls())
			.failureRateThreshold(breaker.failureRateThreshold())
			.waitDurationInOpenState(breaker.openFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.build();
	}
}
