package jp.nop.cx.gateway.activity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param interval at most one {@code partner-activity} per login ID per this interval
 * @param enabled whether activity is published at all
 */
@ConfigurationProperties("cx.gateway.activity")
public record ActivityProperties(@DefaultValue("1m") Duration interval, @DefaultValue("true") boolean enabled) {
}
