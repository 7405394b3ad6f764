package jp.nop.cx.registration.export;

import java.net.URI;

import tools.jackson.databind.JsonNode;

import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Asks one service for everything it holds about a partner, with the partner's own token: the
 * service decides itself that the caller may see it (SPEC section 2).
 */
@Component
class ExportClient {

	private final RestClient http;

	private final CircuitBreakerFactory<?, ?> circuitBreakers;

	ExportClient(RestClient exportRestClient, CircuitBreakerFactory<?, ?> circuitBreakers) {
		this.http = exportRestClient;
		this.circuitBreakers = circuitBreakers;
	}

	/** The service's export document; throws {@link PartUnavailable} if it cannot be had in time. */
	JsonNode fetch(String service, URI base, String partnerId, String bearerToken) {
		URI uri = UriComponentsBuilder.fromUri(base)
			.path("/internal/v1/partners/{partnerId}/export")
			.buildAndExpand(partnerId)
			.encode()
			.toUri();
		return this.circuitBreakers.create("export-" + service).run(() -> {
			JsonNode body = this.http.get()
				.uri(uri)
				.accept(MediaType.APPLICATION_JSON)
				.headers((headers) -> headers.setBearerAuth(bearerToken))
				.retrieve()
				.body(JsonNode.class);
			if (body == null || body.isMissingNode() || body.isNull()) {
				throw new IllegalStateException(service + " answered without a body");
			}
			return body;
		}, (failure) -> {
			throw new PartUnavailable(service, failure);
		});
	}

	/** Why a part is missing, without the other service's response body (it is not ours to log). */
	static String why(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		if (cause instanceof RestClientResponseException response) {
			return "HTTP " + response.getStatusCode().value();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/** One service did not give its part: failed, too slow, or its circuit is open. */
	static class PartUnavailable extends RuntimeException {

		private final String service;

		PartUnavailable(String service, Throwable cause) {
			super(service + " unavailable: " + cause, cause);
			this.service = service;
		}

		String service() {
			return this.service;
		}
	}
}
