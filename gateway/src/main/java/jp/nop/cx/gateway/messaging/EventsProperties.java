package jp.nop.cx.gateway.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param source CloudEvents {@code ce_source} of what the gateway publishes
 */
@ConfigurationProperties("cx.gateway.events")
public record EventsProperties(@DefaultValue("/cx/gateway") String source) {
}
