package jp.nop.cx.platform.config;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request body limits: {@code maxBodySize} everywhere, {@code bodyLimits} per path pattern
 * (e.g. terms bodies may be larger); and {@code trustedProxies}, a regex of the peers whose
 * {@code X-Forwarded-For} is believed (default from PlatformDefaults: loopback, or
 * {@code CX_TRUSTED_PROXIES}; empty: none).
 */
@ConfigurationProperties("cx.http")
public record HttpLimitsProperties(@DefaultValue("256KB") DataSize maxBodySize, Map<String, DataSize> bodyLimits,
		String trustedProxies) {

	public HttpLimitsProperties {
		bodyLimits = (bodyLimits != null) ? bodyLimits : Map.of();
	}
}
