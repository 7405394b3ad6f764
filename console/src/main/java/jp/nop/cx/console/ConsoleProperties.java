package jp.nop.cx.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param gatewayUrl where the public API is ({@code CX_GATEWAY_URL}); the console never calls a
 * service directly
 * @param timeout how long one API call may take before the page says the service is unavailable
 * @param refreshBefore how long before its expiry an access token is refreshed
 */
@ConfigurationProperties("cx.console")
public record ConsoleProperties(@DefaultValue("http://localhost:8080") String gatewayUrl,
		@DefaultValue("10s") Duration timeout, @DefaultValue("30s") Duration refreshBefore) {
}
