package jp.nop.cx.gateway.routing;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who called: {@code X-Forwarded-For} is the client address the gateway
 * believes (the one its rate limits use), followed by the trusted proxies and the gateway's peer.
 * Spring Cloud Gateway's own X-Forwarded-For writing is switched off in {@code application.yml}:
 * it drops every hop that is not itself a trusted proxy, the client included, so terms-service
 * would never see the address a deemed acceptance came from (Art. 2.2). X-Forwarded-Proto,
 * -Host, -Port and -Prefix remain Spring Cloud Gateway's.
 */
@Component
class ForwardedForHeadersFilter implements HttpHeadersFilter, Ordered {

	private final ClientAddress clientAddress;

	ForwardedForHeadersFilter(ClientAddress clientAddress) {
		this.clientAddress = clientAddress;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders headers = new HttpHeaders();
		input.forEach(headers::put);
		headers.set(ClientAddress.FORWARDED_FOR, String.join(", ", this.clientAddress.chain(exchange.getRequest())));
		return headers;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

	/** After Spring Cloud Gateway's X-Forwarded filter (order 0), which may remove the header. */
	@Override
	public int getOrder() {
		return 10;
	}
}
