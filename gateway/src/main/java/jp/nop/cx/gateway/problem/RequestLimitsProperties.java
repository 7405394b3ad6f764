package jp.nop.cx.gateway.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How long a request target and how large the headers may be at the gateway; longer is a 414 or
 * 431 problem. Must stay below Reactor Netty's decoder limits ({@code server.netty.max-initial-line-length},
 * {@code server.max-http-request-header-size}), which answer beyond them.
 *
 * @param maxUriLength path and query
 * @param maxHeaderSize every header line together
 */
@ConfigurationProperties("cx.gateway.http")
public record RequestLimitsProperties(@DefaultValue("8KB") DataSize maxUriLength,
		@DefaultValue("16KB") DataSize maxHeaderSize) {
}
