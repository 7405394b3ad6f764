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

	/** The management port is the public port plus this (docs/platform-guide.md, port table). */
	public static final int MANAGEMENT_PORT_OFFSET = 1000;

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
		kafkaCredentials(environment, defaults);
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
		// With jwk-set-uri set, Boot uses issuer-uri only to check iss: no discovery request is made.
		defaults.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", "${CX_JWT_ISSUER:cx-identity}");
		defaults.put("spring.security.oauth2.resourceserver.jwt.jws-algorithms", "RS256");
		defaults.put("spring.security.oauth2.resourceserver.jwt.authorities-claim-name", "roles");
		defaults.put("spring.security.oauth2.resourceserver.jwt.authority-prefix", "ROLE_");
		// SPEC section 5: actuator on a management port apart from the public one (public + 1000,
		// e.g. 8081 -> 9081; a random one where the public port is random, as in tests). Set
		// management.server.port (MANAGEMENT_SERVER_PORT) to choose another.
		defaults.put("management.server.port", managementPort(environment));
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		defaults.put("management.endpoint.health.show-details", "never");
		defaults.put("management.endpoint.health.show-components", "always");
		defaults.put("management.health.binders.enabled", "false");
		// Not ready without the database; the gateway, which has none, names its own group.
		// Nor before it has read every revocation (Art. 4.3): it would accept revoked tokens.
		defaults.put("management.endpoint.health.group.readiness.include", "readinessState,mongo,revocations");
		defaults.put("management.tracing.sampling.probability", "1.0");
		defaults.put("management.tracing.propagation.type", "w3c");
		// Art. 4.3, SPEC section 5: X-Forwarded-For is believed only from these peers (a regex on
		// the peer address; the gateway in the local stack). The gateway uses the same setting.
		defaults.put("cx.http.trusted-proxies", "${CX_TRUSTED_PROXIES:127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1}");
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

	/** {@code server.port} + {@value #MANAGEMENT_PORT_OFFSET}; 0 (random) when the public port is random. */
	static int managementPort(ConfigurableEnvironment environment) {
		int serverPort = environment.getProperty("server.port", Integer.class, 8080);
		return (serverPort > 0) ? serverPort + MANAGEMENT_PORT_OFFSET : 0;
	}

	/**
	 * With {@code CX_KAFKA_USERNAME} (and {@code CX_KAFKA_PASSWORD}) set, every Kafka client of the
	 * service (binder, dead-letter and admin clients, the platform's producer) authenticates with
	 * SASL/PLAIN as that user (docker-compose.yml, ADR 0009); without it, plaintext as locally.
	 */
	static void kafkaCredentials(ConfigurableEnvironment environment, Map<String, Object> defaults) {
		if (!environment.containsProperty("CX_KAFKA_USERNAME")) {
			return;
		}
		String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required "
				+ "username=\"${CX_KAFKA_USERNAME}\" password=\"${CX_KAFKA_PASSWORD}\";";
		String protocol = "${CX_KAFKA_SECURITY_PROTOCOL:SASL_PLAINTEXT}";
		for (String prefix : new String[] { "spring.kafka.properties.",
				"spring.cloud.stream.kafka.binder.configuration." }) {
			defaults.put(prefix + "security.protocol", protocol);
			defaults.put(prefix + "sasl.mechanism", "PLAIN");
			defaults.put(prefix + "sasl.jaas.config", jaas);
		}
	}
}
