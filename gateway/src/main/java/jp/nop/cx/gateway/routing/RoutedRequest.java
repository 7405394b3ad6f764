package jp.nop.cx.gateway.routing;

import jp.nop.cx.events.Capability;
import jp.nop.cx.platform.security.CxPrincipal;

import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the gateway's rules need to know about a routed request, worked out once: the capability
 * its route belongs to, whether it reads or writes, who calls (null: anonymous) and from where.
 *
 * @param capability the named capability of SPEC section 3 the route belongs to; null for the
 * console's pages ({@link #frontend()})
 * @param write whether the method changes something (anything but GET, HEAD, OPTIONS)
 * @param method the HTTP method
 * @param path the request path, without a trailing slash
 * @param caller the verified token's principal, or null for an anonymous call
 * @param clientIp the client's address (see {@link ClientAddress})
 * @param userAgent the {@code User-Agent} header, if any
 */
public record RoutedRequest(Capability capability, boolean write, HttpMethod method, String path, CxPrincipal caller,
		String clientIp, String userAgent) {

	static final String ATTRIBUTE = RoutedRequest.class.getName();

	/** The request the gateway is routing; set by {@link RoutedRequestFilter} before any rule runs. */
	public static RoutedRequest of(ServerWebExchange exchange) {
		return exchange.getRequiredAttribute(ATTRIBUTE);
	}

	public static boolean isWrite(HttpMethod method) {
		return !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
	}

	/** A page of the web console: no capability, no token; its API calls are routed on their own. */
	public boolean frontend() {
		return this.capability == null;
	}

	public boolean isOperator() {
		return this.caller != null && this.caller.isOperator();
	}

	/** The partner the caller acts for (Art. 4.2), or null for operators and anonymous calls. */
	public String partnerId() {
		return (this.caller != null) ? this.caller.partnerId() : null;
	}

	public String loginId() {
		return (this.caller != null) ? this.caller.loginId() : null;
	}

	public boolean is(HttpMethod method, String path) {
		return this.method.equals(method) && this.path.equals(path);
	}
}
