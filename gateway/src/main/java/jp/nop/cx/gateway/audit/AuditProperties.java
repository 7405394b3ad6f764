package jp.nop.cx.gateway.audit;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit trail at the gateway ({@code cx.gateway.audit.*}).
 *
 * @param capacity how many audit entries may wait for Kafka at once; when that many are waiting,
 * further authenticated writes are refused (503) before they reach a service
 * @param minBackoff first wait before a failed send is tried again
 * @param maxBackoff longest wait between tries
 * @param drainTimeout how long a stopping gateway waits for waiting entries to be sent
 * @param retryAfter the {@code Retry-After} of a write refused because the buffer is full
 */
@ConfigurationProperties("cx.gateway.audit")
@Validated
public record AuditProperties(@DefaultValue("10000") @Min(1) int capacity,
		@DefaultValue("200ms") @NotNull Duration minBackoff, @DefaultValue("10s") @NotNull Duration maxBackoff,
		@DefaultValue("30s") @NotNull Duration drainTimeout, @DefaultValue("5s") @NotNull Duration retryAfter) {
}
