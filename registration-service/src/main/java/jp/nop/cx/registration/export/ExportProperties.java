package jp.nop.cx.registration.export;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The backup export (Art. 5, 6) and the services it gathers from.
 *
 * @param timeout how long one service may take to answer (Resilience4j time limit)
 * @param connectTimeout how long connecting to one may take
 * @param retryAfter what the 503 tells the partner to wait when a service cannot answer
 * @param circuitBreaker when to stop asking a failing service for a while
 * @param services name → base URL of each service holding partner data; each serves
 * {@code GET /internal/v1/partners/{partnerId}/export}
 */
@ConfigurationProperties("cx.registration.export")
@Validated
public record ExportProperties(@DefaultValue("3s") Duration timeout, @DefaultValue("1s") Duration connectTimeout,
		@DefaultValue("30s") Duration retryAfter, @DefaultValue @Valid CircuitBreaker circuitBreaker,
		Map<String, @Valid Target> services) {

	public ExportProperties {
		services = (services != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(services)) : Map.of();
	}

	public record Target(@NotNull URI url) {
	}

	/**
	 * @param failureRateThreshold percentage of failed calls that opens the circuit
	 * @param slidingWindowSize how many recent calls the rate is computed over
	 * @param minimumNumberOfCalls calls needed before the rate counts
	 * @param waitInOpenState how long an open circuit refuses calls before trying again
	 */
	public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
			@DefaultValue("10") int slidingWindowSize, @DefaultValue("5") int minimumNumberOfCalls,
			@DefaultValue("30s") Duration waitInOpenState) {
	}
}
