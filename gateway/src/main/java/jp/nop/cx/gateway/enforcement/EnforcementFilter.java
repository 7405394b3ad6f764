package jp.nop.cx.gateway.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.nop.cx.gateway.enforcement.PartnerStandings.Suspension;
import jp.nop.cx.gateway.enforcement.ServiceStatusBoard.ServiceStatusEvent;
import jp.nop.cx.gateway.problem.Problem;
import jp.nop.cx.gateway.problem.ProblemResponses;
import jp.nop.cx.gateway.readiness.StateLoading;
import jp.nop.cx.gateway.routing.RoutedRequest;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers in the services' place when the terms say a request must not reach them: service-status
 * events in force (Art. 8, 9, 10, 11.3) and suspensions (Art. 7.2). Runs before rate limiting, so
 * refused requests cost the services nothing.
 */
@Component
class EnforcementFilter implements GlobalFilter, Ordered {

	static final int ORDER = -400;

	static final String STATUS_PATH = "/api/v1/service-status";

	static final String STANDING_PATH = "/api/v1/enforcement/me/standing";

	static final String CASES_PATH = "/api/v1/enforcement/me/cases";

	/** Art. 7.5: {@code POST /api/v1/enforcement/me/cases/{id}/proposals}. */
	private static final Pattern PROPOSALS_PATH = Pattern.compile("/api/v1/enforcement/me/cases/[^/]+/proposals");

	private final StateLoading loading;

	private final ServiceStatusBoard statusBoard;

	private final PartnerStandings standings;

	private final ProblemResponses problems;

	private final EnforcementProperties properties;

	private final Clock clock;

	EnforcementFilter(StateLoading loading, ServiceStatusBoard statusBoard, PartnerStandings standings,
			ProblemResponses problems, EnforcementProperties properties, Clock clock) {
		this.loading = loading;
		this.statusBoard = statusBoard;
		this.standings = standings;
		this.problems = problems;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!this.loading.isLoaded()) {
			// Without the whole state a suspended partner could slip through (Art. 7.2).
			return this.problems.write(exchange, Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "gateway-starting")
				.retryAfterSeconds(this.properties.startingRetryAfter().toSeconds()));
		}
		RoutedRequest request = RoutedRequest.of(exchange);
		if (request.frontend()) {
			return chain.filter(exchange);
		}
		Instant now = this.clock.instant();
		// Operators stay able to operate during a service-status event: to end it, among other things.
		if (!request.isOperator() && !readsServiceStatus(request)) {
			Optional<ServiceStatusEvent> event = this.statusBoard.eventInForce(request.capability(), request.write(), now);
			if (event.isPresent()) {
				return this.problems.write(exchange, serviceStatusProblem(event.get(), request, now));
			}
		}
		if (request.partnerId() != null && !keepsSuspendedPartnerInformed(request)) {
			Optional<Suspension> suspension = this.standings.suspension(request.partnerId(), request.capability());
			if (suspension.isPresent()) {
				return this.problems.write(exchange, suspensionProblem(suspension.get(), request));
			}
		}
		return chain.filter(exchange);
	}

	/** Reading the service status is how everyone learns about a service-status event; it always passes. */
	private static boolean readsServiceStatus(RoutedRequest request) {
		return !request.write() && (request.path().equals(STATUS_PATH) || request.path().startsWith(STATUS_PATH + "/"));
	}

	/**
	 * A suspended partner can still sign in and read its standing and cases, which name the
	 * measures and why, and propose when to resume (Art. 7.5: NOP agrees the time with the
	 * partner): suspension stops the use of the service, not the consultation about it.
	 */
	private static boolean keepsSuspendedPartnerInformed(RoutedRequest request) {
		return request.is(HttpMethod.POST, "/api/v1/auth/token") || request.is(HttpMethod.POST, "/api/v1/auth/token/mfa")
				|| request.is(HttpMethod.POST, "/api/v1/auth/refresh")
				|| request.is(HttpMethod.GET, STANDING_PATH) || request.is(HttpMethod.HEAD, STANDING_PATH)
				|| (!request.write() && (request.path().equals(CASES_PATH) || request.path().startsWith(CASES_PATH + "/")))
				|| (HttpMethod.POST.equals(request.method()) && PROPOSALS_PATH.matcher(request.path()).matches());
	}

	private Problem serviceStatusProblem(ServiceStatusEvent event, RoutedRequest request, Instant now) {
		Problem problem = switch (event.kind()) {
			// Art. 9: from its effective time the abolished part is gone, not merely away.
			case DISCONTINUATION -> Problem.of(HttpStatus.GONE, "service-discontinued");
			// Art. 8: suspended; Retry-After only where an end was announced.
			case INTERRUPTION -> withRetryAfter(Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "service-interrupted"),
					event.remaining(now));
			// Art. 10: stopped until endsAt; the client is told when to come back.
			case MAINTENANCE -> Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "service-maintenance")
				.retryAfterSeconds(seconds(event.remaining(now).orElse(this.properties.openEndedRetryAfter())));
			// Art. 11.3: restricted to reading; only writes arrive here.
			case RESTRICTION -> withRetryAfter(Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "service-restricted"),
					event.remaining(now));
		};
		return problem.with("eventId", event.id())
			.with("kind", event.kind().name())
			.with("reason", event.reason())
			.with("capability", request.capability())
			.with("startsAt", event.startsAt())
			.with("endsAt", event.endsAt());
	}

	private static Problem suspensionProblem(Suspension suspension, RoutedRequest request) {
		Map<String, Object> scope = new LinkedHashMap<>();
		if (suspension.all()) {
			scope.put("all", true);
		}
		else {
			scope.put("capabilities", suspension.capabilities());
		}
		return Problem.of(HttpStatus.FORBIDDEN, "partner-suspended")
			.with("partnerId", suspension.partnerId())
			.with("measureId", suspension.measureId())
			.with("caseId", suspension.caseId())
			.with("scope", scope)
			.with("capability", request.capability())
			.with("standing", STANDING_PATH);
	}

	private static Problem withRetryAfter(Problem problem, Optional<Duration> remaining) {
		remaining.ifPresent((left) -> problem.retryAfterSeconds(seconds(left)));
		return problem;
	}

	/** Whole seconds, rounded up so a client never comes back before the end. */
	private static long seconds(Duration duration) {
		long seconds = duration.toSeconds();
		return (duration.toNanosPart() > 0) ? seconds + 1 : seconds;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}
}
