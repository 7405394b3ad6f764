package jp.nop.cx.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay's settings.
 *
 * @param source CloudEvents {@code ce_source} of this service, e.g. {@code /cx/registration-service}
 * @param pollInterval how often pending entries are looked for: the safety net behind the nudge of
 *        every save ({@link OutboxAfterSaveCallback}), which sends what a nudge could not (a broker
 *        away, an instance that died holding a lease); each poll scans every outbox collection, which
 *        on the embedded store costs the whole stack CPU, so once a second, not five times
 * @param lease how long one relay instance holds a document while it publishes its entries
 * @param sendTimeout how long one publication may take before the relay gives up for now
 * @param batchSize documents claimed per poll and collection
 * @param sentRetention how long the IDs of published entries are remembered, so that an entry a
 *        save wrote back from a copy loaded before the relay removed it is not published again
 *        (the window is the time between loading a copy and saving it; a day is ample)
 */
@ConfigurationProperties("cx.outbox")
public record OutboxProperties(String source,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("30s") Duration lease,
		@DefaultValue("10s") Duration sendTimeout, @DefaultValue("50") int batchSize,
		@DefaultValue("true") boolean enabled, @DefaultValue("24h") Duration sentRetention) {
}
