package jp.nop.cx.identity.signin;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a sign-in comes from, for the per-client rate limit: the first entry of
 * {@code X-Forwarded-For} (the gateway forwards the caller's), else the peer address. The service
 * is reached through the gateway only; a caller that could reach it directly could choose its
 * own header, which the per-ID lock still bounds.
 */
final class ClientAddress {

	private static final int MAX_LENGTH = 64;

	private ClientAddress() {
	}

	static String of(HttpServletRequest request) {
		return of(request.getHeader("X-Forwarded-For"), request.getRemoteAddr());
	}

	static String of(String forwardedFor, String remoteAddress) {
		if (forwardedFor != null) {
			int comma = forwardedFor.indexOf(',');
			String first = ((comma >= 0) ? forwardedFor.substring(0, comma) : forwardedFor).strip();
			if (!first.isEmpty()) {
				// Bounded: the value becomes part of a database key.
				return (first.length() > MAX_LENGTH) ? first.substring(0, MAX_LENGTH) : first;
			}
		}
		return (remoteAddress != null) ? remoteAddress : "unknown";
	}
}
