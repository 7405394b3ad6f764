package jp.nop.cx.registration.termination;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param noticePeriodDays how many days ahead a termination must be noticed (Art. 12.1: "NOP
 * 所定の期限"; Art. 12.2: prior notice)
 * @param sweepInterval how often due terminations are put into effect
 * @param sweepLease how long one instance holds the sweep before another may take over
 */
@ConfigurationProperties("cx.registration.termination")
@Validated
public record TerminationProperties(@DefaultValue("30") @Min(0) int noticePeriodDays,
		@DefaultValue("1m") Duration sweepInterval, @DefaultValue("5m") Duration sweepLease) {
}
