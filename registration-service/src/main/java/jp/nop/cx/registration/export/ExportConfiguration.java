package jp.nop.cx.registration.export;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The calls of the backup export: a time limit and a circuit breaker per service, so a down
 * service costs a partner at most the time limit, and soon nothing at all.
 */
@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

	@Bean
	Customizer<Resilience4JCircuitBreakerFactory> exportCircuitBreakers(ExportProperties properties,
			ExportExecutors executors) {
		ExportProperties.CircuitBreaker breaker = properties.circuitBreaker();
		return (factory) -> {
			factory.configureExecutorService(executors.calls());
			factory.configureDefault((id) -> new Resilience4JConfigBuilder(id)
				.timeLimiterConfig(
						TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).cancelRunningFuture(true).build())
				.circuitBreakerConfig(CircuitBreakerConfig.custom()
					.failureRateThreshold(breaker.failureRateThreshold())
					.slidingWindowSize(breaker.slidingWindowSize())
					.minimumNumberOfCalls(breaker.minimumNumberOfCalls())
					.waitDurationInOpenState(breaker.waitInOpenState())
					.build())
				.build());
		};
	}

	/** Read timeout = the time limit, so a thread given up on by the limiter is also freed by the client. */
	@Bean
	RestClient exportRestClient(RestClient.Builder builder, ExportProperties properties) {
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withTimeouts(properties.connectTimeout(), properties.timeout());
		return builder.requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings)).build();
	}
}
