package jp.nop.cx.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, added last so any service or deployment setting wins:
 * consumer retries and dead-lettering, fail-fast producers for the outbox, problem details,
 * probes, Prometheus and tracing.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("cx.outbox.source", "/cx/${spring.application.name:service}");
		defaults.put("spring.kafka.bootstrap-servers", "${CX_KAFKA_BOOTSTRAP:localhost:9092}");
		defaults.put("spring.cloud.stream.kafka.binder.brokers", "${spring.kafka.bootstrap-servers}");
		defaults.put("spring.cloud.stream.kafka.binder.auto-add-partitions", "true");
		defaults.put("spring.cloud.stream.kafka.binder.min-partition-count", "3");
		defaults.put("spring.cloud.stream.kafka.binder.enable-observation", "true");
		// Bounded retries, then the binder's dead-letter topic; the partition moves on.
		defaults.put("spring.cloud.stream.default.consumer.max-attempts", "3");
		defaults.put("spring.cloud.stream.default.consumer.back-off-initial-interval", "200");
		defaults.put("spring.cloud.stream.default.content-type", "application/json");
		defaults.put("spring.cloud.stream.kafka.default.consumer.enable-dlq", "true");
		defaults.put("spring.cloud.stream.kafka.default.consumer.start-offset", "earliest");
		defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
		// The outbox relay must learn quickly that the broker is away, then retry later.
		defaults.put("spring.kafka.producer.acks", "all");
		defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
		defaults.put("spring.kafka.producer.properties.max.block.ms", "5000");
		defaults.put("spring.kafka.producer.properties.request.timeout.ms", "5000");
		defaults.put("spring.kafka.producer.properties.delivery.timeout.ms", "9000");
		defaults.put("spring.kafka.producer.properties.linger.ms", "0");
		defaults.put("spring.data.mongodb.auto-index-creation", "true");
		// The platform's ProblemHandler answers every error; Boot's own handler would shadow it.
		defaults.put("spring.mvc.problemdetails.enabled", "false");
		defaults.put("spring.messages.basename", "cx-problems,messages");
		defaults.put("spring.messages.fallback-to-system-locale", "false");
		defaults.put("spring.messages.encoding", "UTF-8");
		defaults.put("server.error.include-stacktrace", "never");
		defaults.put("server.error.include-message", "never");
		defaults.put("server.shutdown", "graceful");
		defaults.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				"${CX_JWKS_URI:http://localhost:8082/api/v1/auth/jwks}");
		defaults.put("spring.security.oauth2.resourceserver.jwt.jws-algorithms", "RS256");
		defaults.put("spring.security.oauth2.resourceserver.jwt.authorities-claim-name", "roles");
		defaults.put("spring.security.oauth2.resourceserver.jwt.authority-prefix", "ROLE_");
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		defaults.put("management.endpoint.health.show-details", "never");
		defaults.put("management.endpoint.health.show-components", "always");
		defaults.put("management.health.binders.enabled", "false");
		// Not ready without the database; the gateway, which has none, names its own group.
		defaults.put("management.endpoint.health.group.readiness.include", "readinessState,mongo");
		defaults.put("management.tracing.sampling.probability", "1.0");
		defaults.put("management.tracing.propagation.type", "w3c");
		// OpenAPI 3.1 documents (SPEC section 5) in a stable order, without springdoc's guess that
		// every @ExceptionHandler answers every operation: the platform says which problems apply.
		defaults.put("springdoc.api-docs.version", "openapi_3_1");
		defaults.put("springdoc.writer-with-order-by-keys", "true");
		defaults.put("springdoc.override-with-generic-response", "false");
		defaults.put("springdoc.default-produces-media-type", "application/json");
		defaults.put("logging.pattern.correlation", "[%X{traceId:-},%X{spanId:-}] ");
		MapPropertySource source = new MapPropertySource("cxPlatformDefaults", defaults);
		// Below everything, even SpringApplication's own default properties.
		if (environment.getPropertySources().contains("defaultProperties")) {
			environment.getPropertySources().addAfter("defaultProperties", source);
		}
		else {
			environment.getPropertySources().addLast(source);
		}
	}
}
