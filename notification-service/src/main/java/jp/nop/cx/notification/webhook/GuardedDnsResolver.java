package jp.nop.cx.notification.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The webhook HTTP client's DNS: every connection resolves through the SSRF guard, so the client
 * connects only to addresses that passed it at that very moment (no DNS rebinding between the
 * check and the connection).
 */
class GuardedDnsResolver implements DnsResolver {

	private final WebhookTargetGuard guard;

	GuardedDnsResolver(WebhookTargetGuard guard) {
		this.guard = guard;
	}

	@Override
	public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
		return vet(host, port).stream().map((a) -> new InetSocketAddress(a, port)).toList();
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		// Without a port only an unconditionally allowed target passes (allowlist entries need one).
		return vet(host, -1).toArray(InetAddress[]::new);
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return host;
	}

	private List<InetAddress> vet(String host, int port) throws UnknownHostException {
		try {
			return this.guard.vet(host, port);
		}
		catch (WebhookTargetRefusedException ex) {
			throw new RefusedAddressException(ex.getMessage());
		}
		catch (UnresolvableWebhookHostException ex) {
			throw new UnknownHostException(host);
		}
	}

	/** A refusal, as the exception type a DNS resolver may throw. */
	static final class RefusedAddressException extends UnknownHostException {

		RefusedAddressException(String message) {
			super(message);
		}
	}
}
