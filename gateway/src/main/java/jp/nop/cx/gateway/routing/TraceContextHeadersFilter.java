package jp.nop.cx.gateway.routing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Carries the trace on to the service: the request's W3C trace context is replaced by the
 * gateway's own server span, so the service's span is the gateway's child and the caller's trace
 * goes on (SPEC section 5). Spring Cloud Gateway's observability, which did this with a client
 * observation of its own around every call, is off in {@code application.yml}: it cost about a
 * quarter of the gateway's CPU per request (docs/benchmarks.md) for a span and a timer that repeat
 * the server's.
 */
@Component
class TraceContextHeadersFilter implements HttpHeadersFilter, Ordered {

	private final Propagator propagator;

	TraceContextHeadersFilter(Propagator propagator) {
		this.propagator = propagator;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		Span span = serverSpan(exchange);
		if (span == null) {
			return input;
		}
		HttpHeaders headers = new HttpHeaders();
		input.forEach(headers::put);
		this.propagator.fields().forEach(headers::remove);
		this.propagator.inject(span.context(), headers, HttpHeaders::set);
		return headers;
	}

	private static Span serverSpan(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map((context) -> context.<TracingObservationHandler.TracingContext>get(
					TracingObservationHandler.TracingContext.class))
			.map(TracingObservationHandler.TracingContext::getSpan)
			.orElse(null);
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

	/** After the X-Forwarded filters: the last word on the request's headers. */
	@Override
	public int getOrder() {
		return 20;
	}
}
