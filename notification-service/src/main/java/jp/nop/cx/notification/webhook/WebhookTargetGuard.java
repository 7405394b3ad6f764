package jp.nop.cx.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SSRF guard: a webhook may call only http(s) URLs whose host resolves to public addresses.
 * Loopback, private and link-local addresses are refused unless configuration allows them
 * (all, or single {@code ip:port} pairs); cloud metadata, unspecified, multicast and reserved
 * addresses are refused always, for no receiver legitimately lives there. The check runs at
 * registration and again, after a fresh DNS resolution, for every delivery; the HTTP client then
 * connects only to the addresses checked (see {@link GuardedDnsResolver}), so a name that resolves
 * elsewhere a second later does not get through.
 */
public class WebhookTargetGuard {

	private static final Pattern ALLOWLIST_ENTRY = Pattern.compile("^\\[?([0-9A-Fa-f:.]+)]?:(\\d{1,5})$");

	private final HostResolver resolver;

	private final boolean allowPrivate;

	private final List<Target> allowlist;

	private final int maxUrlLength;

	public WebhookTargetGuard(HostResolver resolver, boolean allowPrivate, List<String> allowlist, int maxUrlLength) {
		this.resolver = resolver;
		this.allowPrivate = allowPrivate;
		this.allowlist = allowlist.stream().map(WebhookTargetGuard::parseAllowlistEntry).toList();
		this.maxUrlLength = maxUrlLength;
	}

	/** What kind of address this is, as far as the guard cares. */
	public enum AddressKind {

		PUBLIC(false), LOOPBACK(true), PRIVATE(true), LINK_LOCAL(true), METADATA(false), UNSPECIFIED(false),
		MULTICAST(false), RESERVED(false);

		private final boolean openedByConfiguration;

		AddressKind(boolean openedByConfiguration) {
			this.openedByConfiguration = openedByConfiguration;
		}
	}

	/** Checks a URL a partner registers; answers the normalised URI or throws why not. */
	public URI validate(String url) {
		URI uri = parse(url);
		vet(uri);
		return uri;
	}

	/** Resolves the URL's host now and answers its addresses, all of which the guard allows. */
	public List<InetAddress> vet(URI uri) {
		return vet(uri.getHost(), port(uri));
	}

	/** Resolves {@code host} now and answers its addresses if every one is allowed for {@code port}. */
	public List<InetAddress> vet(String host, int port) {
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			throw new UnresolvableWebhookHostException(host);
		}
		if (addresses == null || addresses.length == 0) {
			throw new UnresolvableWebhookHostException(host);
		}
		List<InetAddress> allowed = new ArrayList<>();
		for (InetAddress address : addresses) {
			// Every address must pass: the client may pick any of them.
			AddressKind kind = classify(address);
			if (!allows(address, kind, port)) {
				throw new WebhookTargetRefusedException(address.getHostAddress(), kind);
			}
			allowed.add(address);
		}
		return allowed;
	}

	private boolean allows(InetAddress address, AddressKind kind, int port) {
		if (kind == AddressKind.PUBLIC) {
			return true;
		}
		if (!kind.openedByConfiguration) {
			return false;
		}
		return this.allowPrivate || this.allowlist.contains(new Target(address, port));
	}

	private URI parse(String url) {
		if (url == null || url.isBlank()) {
			throw new InvalidWebhookUrlException("url is required");
		}
		if (url.length() > this.maxUrlLength) {
			throw new InvalidWebhookUrlException("url is longer than " + this.maxUrlLength + " characters");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new InvalidWebhookUrlException("url is not a valid URI");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new InvalidWebhookUrlException("only http and https URLs are allowed");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw new InvalidWebhookUrlException("url needs a host name or address");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidWebhookUrlException("credentials in the URL are not allowed");
		}
		if (uri.getRawFragment() != null) {
			throw new InvalidWebhookUrlException("a fragment is not allowed");
		}
		return uri;
	}

	static int port(URI uri) {
		if (uri.getPort() > 0) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	/** Classifies an address (IPv4, IPv6 and IPv4 embedded in IPv6). */
	public static AddressKind classify(InetAddress address) {
		byte[] b = address.getAddress();
		return (b.length == 4) ? classify4(b, 0) : classify6(b);
	}

	private static AddressKind classify4(byte[] bytes, int offset) {
		int a = bytes[offset] & 0xff;
		int b = bytes[offset + 1] & 0xff;
		int c = bytes[offset + 2] & 0xff;
		int d = bytes[offset + 3] & 0xff;
		if (a == 0) {
			return AddressKind.UNSPECIFIED;
		}
		if (a == 127) {
			return AddressKind.LOOPBACK;
		}
		if (a == 169 && b == 254) {
			return (c == 169 && d == 254) ? AddressKind.METADATA : AddressKind.LINK_LOCAL;
		}
		if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
				|| (a == 100 && b >= 64 && b <= 127) || (a == 198 && (b == 18 || b == 19))) {
			// RFC 1918, carrier-grade NAT (RFC 6598), benchmarking (RFC 2544): not the public internet.
			return AddressKind.PRIVATE;
		}
		if (a >= 224 && a <= 239) {
			return AddressKind.MULTICAST;
		}
		if (a >= 240 || (a == 192 && b == 0 && c == 0)) {
			return AddressKind.RESERVED;
		}
		return AddressKind.PUBLIC;
	}

	private static AddressKind classify6(byte[] b) {
		if (allZero(b, 0, 16)) {
			return AddressKind.UNSPECIFIED;
		}
		if (allZero(b, 0, 15) && b[15] == 1) {
			return AddressKind.LOOPBACK;
		}
		// fd00:ec2::254, the AWS metadata service over IPv6.
		if ((b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2 && allZero(b, 4, 14)
				&& (b[14] & 0xff) == 0x02 && (b[15] & 0xff) == 0x54) {
			return AddressKind.METADATA;
		}
		if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
			return classify4(b, 12); // ::ffff:a.b.c.d
		}
		if (allZero(b, 0, 12)) {
			return classify4(b, 12); // ::a.b.c.d (IPv4-compatible, deprecated)
		}
		if (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
			// NAT64: 64:ff9b::/96 embeds an IPv4 address; 64:ff9b:1::/48 is for local use.
			return allZero(b, 4, 12) ? classify4(b, 12) : AddressKind.PRIVATE;
		}
		if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
			return classify4(b, 2); // 6to4: 2002:a.b.c.d::/48
		}
		if ((b[0] & 0xfe) == 0xfc) {
			return AddressKind.PRIVATE; // fc00::/7 unique local
		}
		if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
			return AddressKind.LINK_LOCAL; // fe80::/10
		}
		if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
			return AddressKind.PRIVATE; // fec0::/10 site local (deprecated)
		}
		if ((b[0] & 0xff) == 0xff) {
			return AddressKind.MULTICAST;
		}
		if (((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0)
				|| ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)
				|| (b[0] == 0x01 && b[1] == 0 && allZero(b, 2, 8))) {
			// Teredo (tunnels to anywhere), documentation, discard-only.
			return AddressKind.RESERVED;
		}
		return AddressKind.PUBLIC;
	}

	private static boolean allZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static Target parseAllowlistEntry(String entry) {
		Matcher matcher = ALLOWLIST_ENTRY.matcher(entry.strip());
		if (!matcher.matches()
				|| !(matcher.group(1).contains(":") || matcher.group(1).matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
			throw new IllegalArgumentException("Not an ip:port pair: " + entry);
		}
		try {
			// Literal addresses only (the pattern admits no names), so this does no DNS lookup.
			return new Target(InetAddress.getByName(matcher.group(1)), Integer.parseInt(matcher.group(2)));
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Not an ip:port pair: " + entry, ex);
		}
	}

	private record Target(InetAddress address, int port) {
	}
}
