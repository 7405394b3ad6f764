package jp.nop.cx.enforcement.servicestatus;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the service-status events ({@code cx.enforcement.service-status.*}).
 *
 * @param transitionInterval how often the job looks for events the clock moved into a new state
 * @param transitionLease how long one instance may hold that job
 * @param maxBackdating how long ago a declared event may have started: an interruption is often
 * declared once under way, but a start weeks back is a typing error
 */
@ConfigurationProperties("cx.enforcement.service-status")
@Validated
public record ServiceStatusProperties(@DefaultValue("5s") @NotNull Duration transitionInterval,
		@DefaultValue("1m") @NotNull Duration transitionLease, @DefaultValue("7d") @NotNull Duration maxBackdating) {
}
