package jp.nop.cx.gateway.readiness;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the gateway may report ready.
 *
 * @param downstreamPath the readiness endpoint every service answers
 * @param downstreamTimeout how long one service may take to answer it
 * @param downstreamCacheTtl how long an answer is reused, so probes of the gateway do not turn
 * into a storm of probes of the services
 * @param offsetsRetryInterval pause between attempts to read the state topics' end offsets while
 * the broker cannot be reached at start
 */
@ConfigurationProperties("cx.gateway.readiness")
public record ReadinessProperties(@DefaultValue("/actuator/health/readiness") String downstreamPath,
		@DefaultValue("1s") Duration downstreamTimeout, @DefaultValue("2s") Duration downstreamCacheTtl,
		@DefaultValue("1s") Duration offsetsRetryInterval) {
}
