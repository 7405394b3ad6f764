package jp.nop.cx.gateway.readiness;

import java.net.URI;
import java.time.Duration;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One service's own readiness, as the gateway sees it: UP only when the service answers its
 * readiness endpoint with {@code {"status":"UP"}} in time. The answer is reused for a short while,
 * so frequent probes of the gateway do not multiply into probes of every service.
 */
class DownstreamReadiness implements ReactiveHealthIndicator {

	private final URI endpoint;

	private final Mono<Health> cached;

	DownstreamReadiness(URI endpoint, WebClient client, ObjectMapper objectMapper, Duration timeout,
			Duration cacheTtl) {
		this.endpoint = endpoint;
		Mono<Health> probe = client.get()
			.uri(endpoint)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((body) -> health(response.statusCode().value(), body, objectMapper)))
			.timeout(timeout)
			.onErrorResume((ex) -> Mono.just(Health.down().withDetail("error", ex.getClass().getSimpleName()).build()));
		this.cached = probe.cache((health) -> cacheTtl, (ex) -> Duration.ZERO, () -> Duration.ZERO);
	}

	@Override
	public Mono<Health> health() {
		return this.cached;
	}

	private Health health(int status, String body, ObjectMapper objectMapper) {
		String reported = readStatus(body, objectMapper);
		Health.Builder health = (status == 200 && Status.UP.getCode().equals(reported)) ? Health.up() : Health.down();
		return health.withDetail("endpoint", this.endpoint.toString())
			.withDetail("httpStatus", status)
			.withDetail("status", (reported != null) ? reported : "unreadable")
			.build();
	}

	private static String readStatus(String body, ObjectMapper objectMapper) {
		try {
			JsonNode node = objectMapper.readTree(body);
			JsonNode status = node.path("status");
			return status.isString() ? status.asString() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}
}
