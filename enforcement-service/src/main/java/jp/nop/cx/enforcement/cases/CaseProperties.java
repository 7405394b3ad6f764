package jp.nop.cx.enforcement.cases;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of cases and measures ({@code cx.enforcement.cases.*}).
 *
 * @param liftInterval how often the lifting job looks for measures whose resumption time came
 * @param liftLease how long one instance may hold the lifting job before another may take over
 * @param detectionsKept how many of the latest detections an automated case keeps as evidence
 * (the count of all is kept too), so a partner under sustained load cannot grow its record
 * without bound
 */
@ConfigurationProperties("cx.enforcement.cases")
@Validated
public record CaseProperties(@DefaultValue("5s") @NotNull Duration liftInterval,
		@DefaultValue("1m") @NotNull Duration liftLease, @DefaultValue("100") @Min(1) int detectionsKept) {
}
