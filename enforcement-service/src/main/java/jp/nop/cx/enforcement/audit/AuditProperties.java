package jp.nop.cx.enforcement.audit;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit trail ({@code cx.enforcement.audit.*}).
 *
 * @param retention how long an entry is kept after it was recorded; older entries are removed
 * from the start of the chain by {@link AuditRetentionJob}, which records where the kept chain
 * begins (default 5 years: the limitation period of contractual claims, Civil Code Art. 166)
 * @param pruneInterval how often the retention job runs
 * @param pruneLease how long one instance may hold the retention job
 * @param pruneBatch how many entries one run removes at most, so a first run on a large trail does
 * not hold the store for long
 * @param verificationLimit how many entries one verification request checks at most; a longer
 * chain is verified in ranges ({@code fromSequence})
 */
@ConfigurationProperties("cx.enforcement.audit")
@Validated
public record AuditProperties(@DefaultValue("1825d") @NotNull Duration retention,
		@DefaultValue("1h") @NotNull Duration pruneInterval, @DefaultValue("10m") @NotNull Duration pruneLease,
		@DefaultValue("100000") @Min(1) int pruneBatch, @DefaultValue("200000") @Min(1) int verificationLimit) {
}
