package jp.nop.cx.gateway.audit;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import jp.nop.cx.events.AuditRecorded;
import jp.nop.cx.gateway.problem.Problem;
import jp.nop.cx.gateway.problem.ProblemResponses;
import jp.nop.cx.gateway.routing.ClientAddress;
import jp.nop.cx.gateway.routing.RoutedRequest;
import jp.nop.cx.platform.security.CxPrincipal;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.ContextView;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Art. 4.2, 7.2: every authenticated write (POST, PUT, PATCH, DELETE with a valid token), of
 * partners and operators alike, becomes one {@code audit-recorded} entry once its answer's status
 * is known, whoever gave the answer (a service, or the gateway refusing it: suspended, limited,
 * unavailable). A web filter after Spring Security, so the caller is known and every answer passes
 * through it; requests without a valid token never get here (401 from security).
 */
class AuditFilter implements WebFilter, Ordered {

	/** After Spring Security's filter chain (-100), before the gateway's handler. */
	static final int ORDER = 0;

	/** The answer was never given: the client went away first (as nginx writes it). */
	static final int CLIENT_CLOSED = 499;

	private final AuditBuffer buffer;

	private final ClientAddress clientAddress;

	private final ProblemResponses problems;

	private final AuditProperties properties;

	private final Clock clock;

	AuditFilter(AuditBuffer buffer, ClientAddress clientAddress, ProblemResponses problems,
			AuditProperties properties, Clock clock) {
		this.buffer = buffer;
		this.clientAddress = clientAddress;
		this.problems = problems;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!RoutedRequest.isWrite(request.getMethod()) || !request.getPath().value().startsWith("/api/")) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map((principal) -> Optional.of(CxPrincipal.of((Authentication) principal)))
			.defaultIfEmpty(Optional.empty())
			.flatMap((caller) -> caller.isEmpty() ? chain.filter(exchange)
					: Mono.deferContextual((context) -> audited(exchange, chain, caller.get(), traceId(context))));
	}

	private Mono<Void> audited(ServerWebExchange exchange, WebFilterChain chain, CxPrincipal caller, String traceId) {
		if (!this.buffer.reserve()) {
			// Nothing may be done that cannot be recorded: refuse before any service sees the write.
			return this.problems.write(exchange, Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "audit-unavailable")
				.retryAfterSeconds(this.properties.retryAfter().toSeconds()));
		}
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		ActionTemplate action = ActionTemplate.of(request.getMethod().name(),
				(path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path);
		String clientIp = this.clientAddress.of(request);
		String userAgent = request.getHeaders().getFirst(HttpHeaders.USER_AGENT);
		String id = UUID.randomUUID().toString();
		AtomicBoolean recorded = new AtomicBoolean();
		Runnable record = () -> {
			if (recorded.compareAndSet(false, true)) {
				HttpStatusCode status = exchange.getResponse().getStatusCode();
				this.buffer.deliver(new AuditRecorded(caller.loginId(), caller.partnerId(), caller.roles(),
						action.action(), action.targets(), (status != null) ? status.value() : CLIENT_CLOSED, null,
						clientIp, userAgent, traceId, this.clock.instant()), id);
			}
		};
		exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(record));
		return chain.filter(exchange).doFinally((signal) -> {
			// An error is answered by the error handler after this filter, and recorded at its commit.
			if (signal != SignalType.ON_ERROR && !exchange.getResponse().isCommitted()) {
				record.run();
			}
		});
	}

	/** The W3C trace ID of the gateway's server observation (the caller's, if it sent one). */
	private static String traceId(ContextView context) {
		Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		if (observation == null) {
			return null;
		}
		TracingObservationHandler.TracingContext tracing = observation.getContext()
			.get(TracingObservationHandler.TracingContext.class);
		Span span = (tracing != null) ? tracing.getSpan() : null;
		return (span != null) ? span.context().traceId() : null;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}
}
