package jp.nop.cx.gateway.enforcement;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param openEndedRetryAfter {@code Retry-After} of a maintenance 503 whose end was not announced
 * @param startingRetryAfter {@code Retry-After} of the 503 answered while the enforcement state is
 * still being read at start
 */
@ConfigurationProperties("cx.gateway.enforcement")
public record EnforcementProperties(@DefaultValue("5m") Duration openEndedRetryAfter,
		@DefaultValue("1s") Duration startingRetryAfter) {
}
