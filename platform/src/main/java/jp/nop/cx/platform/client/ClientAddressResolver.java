package jp.nop.cx.platform.client;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one way to learn who called (SPEC section 5): the client address for rate limits and
 * evidence (Art. 2.2, 3, 4), and the user agent as stored. {@code X-Forwarded-For} is believed
 * only as far as trusted proxies wrote it: reading from the peer backwards, every hop that is a
 * trusted proxy ({@code cx.http.trusted-proxies}, a regex; loopback by default, i.e. the gateway
 * of the local stack) passes on what its left neighbour said; the first other address is the
 * client. A caller that reaches a service directly gets its own peer address, whatever it writes.
 * <p>
 * Web-free, so the reactive gateway and the servlet services share it.
 */
public class ClientAddressResolver {

	public static final String FORWARDED_FOR = "X-Forwarded-For";

	/** Bounded: the value becomes part of database keys and evidence records. */
	static final int MAX_ADDRESS_LENGTH = 64;

	static final int MAX_USER_AGENT_LENGTH = 512;

	private final Pattern trustedProxies;

	public ClientAddressResolver(String trustedProxies) {
		this.trustedProxies = (trustedProxies == null || trustedProxies.isBlank()) ? null
				: Pattern.compile(trustedProxies);
	}

	public boolean isTrustedProxy(String address) {
		return this.trustedProxies != null && address != null && this.trustedProxies.matcher(address).matches();
	}

	/** The client's address as far as it can be believed. */
	public String clientAddress(String peer, List<String> forwardedFor) {
		return chain(peer, forwardedFor).get(0);
	}

	/**
	 * The believable part of the way from the client to this server: the client first, then the
	 * trusted proxies that passed the request on, the peer last. What a client wrote itself (left
	 * of the first hop no trusted proxy vouches for) is dropped.
	 */
	public List<String> chain(String peer, List<String> forwardedFor) {
		String from = bounded((peer != null && !peer.isBlank()) ? peer : "unknown", MAX_ADDRESS_LENGTH);
		if (!isTrustedProxy(from) || forwardedFor == null || forwardedFor.isEmpty()) {
			return List.of(from);
		}
		List<String> hops = new ArrayList<>();
		forwardedFor.forEach((value) -> {
			for (String hop : value.split(",")) {
				if (!hop.isBlank()) {
					hops.add(bounded(hop.strip(), MAX_ADDRESS_LENGTH));
				}
			}
		});
		if (hops.isEmpty()) {
			return List.of(from);
		}
		// Walk back from the peer; the first address no trusted proxy vouches for is the client.
		int client = hops.size() - 1;
		while (client > 0 && isTrustedProxy(hops.get(client))) {
			client--;
		}
		List<String> chain = new ArrayList<>(hops.subList(client, hops.size()));
		chain.add(from);
		return List.copyOf(chain);
	}

	/** The user agent as stored: control characters removed, cut to a bounded length; null if none. */
	public static String userAgent(String header) {
		if (header == null) {
			return null;
		}
		String clean = header.replaceAll("\\p{Cntrl}", "").strip();
		return clean.isEmpty() ? null : bounded(clean, MAX_USER_AGENT_LENGTH);
	}

	/** The values of a header as a list (servlet requests hand them out as an enumeration). */
	public static List<String> values(Enumeration<String> headers) {
		List<String> values = new ArrayList<>();
		if (headers != null) {
			while (headers.hasMoreElements()) {
				values.add(headers.nextElement());
			}
		}
		return values;
	}

	private static String bounded(String value, int max) {
		return (value.length() > max) ? value.substring(0, max) : value;
	}
}
