package jp.nop.cx.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.nop.cx.platform.client.ClientAddressResolver;

/**
 * Who called a servlet service, resolved by the platform's {@link ClientAddressResolver}: inject
 * {@code ClientInfo} into a controller method.
 *
 * @param address the client's address as far as trusted proxies vouch for it
 * @param userAgent the user agent, cleaned and bounded; null if none was sent
 */
public record ClientInfo(String address, String userAgent) {

	static ClientInfo of(HttpServletRequest request, ClientAddressResolver resolver) {
		return new ClientInfo(
				resolver.clientAddress(request.getRemoteAddr(),
						ClientAddressResolver.values(request.getHeaders(ClientAddressResolver.FORWARDED_FOR))),
				ClientAddressResolver.userAgent(request.getHeader("User-Agent")));
	}
}
