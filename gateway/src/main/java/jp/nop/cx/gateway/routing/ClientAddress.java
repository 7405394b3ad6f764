package jp.nop.cx.gateway.routing;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The client's IP address for per-client rate limits and activity records. X-Forwarded-For is
 * believed only as far as it was written by proxies the gateway trusts (the same
 * {@code spring.cloud.gateway.server.webflux.trusted-proxies} pattern that decides which
 * X-Forwarded headers are passed on), so a client cannot pick its own address.
 */
@Component
public class ClientAddress {

	static final String FORWARDED_FOR = "X-Forwarded-For";

	private final Predicate<String> trusted;

	@Autowired
	public ClientAddress(GatewayProperties gateway) {
		this(gateway.getTrustedProxies());
	}

	ClientAddress(String trustedProxies) {
		if (StringUtils.hasText(trustedProxies)) {
			TrustedProxies proxies = TrustedProxies.from(trustedProxies);
			this.trusted = proxies::isTrusted;
		}
		else {
			this.trusted = (address) -> false;
		}
	}

	/** The client's address as far as it can be believed. */
	public String of(ServerHttpRequest request) {
		return chain(request).get(0);
	}

	/**
	 * The believable part of the way from the client to the gateway: the client first, then the
	 * trusted proxies that passed the request on, the gateway's peer last. Entries a client wrote
	 * itself (left of the first untrusted hop, seen from the gateway) are dropped.
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
		if (!this.trusted.test(peer) || forwardedFor == null) {
			return List.of(peer);
		}
		List<String> hops = new ArrayList<>();
		forwardedFor.forEach((value) -> {
			for (String hop : value.split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.trim());
				}
			}
		});
		// Walk back from the gateway's peer; the first address no trusted proxy vouches for is the client.
		int client = hops.size() - 1;
		while (client > 0 && this.trusted.test(hops.get(client))) {
			client--;
		}
		List<String> chain = new ArrayList<>(hops.subList(Math.max(client, 0), hops.size()));
		chain.add(peer);
		return List.copyOf(chain);
	}
}
