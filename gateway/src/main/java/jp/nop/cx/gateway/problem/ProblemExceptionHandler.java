package jp.nop.cx.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The gateway's own errors (no route for the path, a bad request line, an unexpected failure) in
 * the same problem shape as everything else, instead of Boot's default error JSON. Ordered before
 * Boot's {@code ErrorWebExceptionHandler} (order -1).
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	private final ProblemResponses problems;

	ProblemExceptionHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		if (ex instanceof ResponseStatusException status) {
			HttpStatus resolved = HttpStatus.resolve(status.getStatusCode().value());
			HttpStatus answer = (resolved != null) ? resolved : HttpStatus.BAD_REQUEST;
			if (answer.is5xxServerError()) {
				log.warn("{} {} failed with {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
						ex.toString());
			}
			return this.problems.write(exchange, Problem.of(answer, code(answer)));
		}
		log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
				ex);
		return this.problems.write(exchange, Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal"));
	}

	private static String code(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "no-such-path";
			case METHOD_NOT_ALLOWED -> "method-not-allowed";
			case NOT_ACCEPTABLE -> "not-acceptable";
			case CONTENT_TOO_LARGE -> "too-large";
			case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
			case SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT, BAD_GATEWAY -> "service-unavailable";
			default -> status.is5xxServerError() ? "internal" : "bad-request";
		};
	}
}
