package jp.nop.cx.gateway.routing;

import java.net.InetSocketAddress;
import java.util.List;

import jp.nop.cx.platform.client.ClientAddressResolver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The client's IP address for per-client rate limits and activity records: the platform's
 * {@link ClientAddressResolver} on the gateway's peer, with the same trusted proxies
 * ({@code cx.http.trusted-proxies}, also Spring Cloud Gateway's {@code trusted-proxies}, which
 * decides which X-Forwarded headers are passed on), so a client cannot pick its own address.
 */
@Component
public class ClientAddress {

	static final String FORWARDED_FOR = ClientAddressResolver.FORWARDED_FOR;

	private final ClientAddressResolver resolver;

	@Autowired
	public ClientAddress(GatewayProperties gateway) {
		this(gateway.getTrustedProxies());
	}

	ClientAddress(String trustedProxies) {
		this.resolver = new ClientAddressResolver(trustedProxies);
	}

	/** The client's address as far as it can be believed. */
	public String of(ServerHttpRequest request) {
		return chain(request).get(0);
	}

	/**
	 * The believable part of the way from the client to the gateway: the client first, then the
	 * trusted proxies that passed the request on, the gateway's peer last.
	 */
	public List<String> chain(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return List.of("unknown");
		}
		String peer = (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
		return chain(peer, request.getHeaders().get(FORWARDED_FOR));
	}

	List<String> chain(String peer, List<String> forwardedFor) {
		return this.resolver.chain(peer, forwardedFor);
	}
}
