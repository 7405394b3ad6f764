package jp.nop.cx.gateway.security;

import jp.nop.cx.gateway.problem.Problem;
import jp.nop.cx.gateway.problem.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/** 401 and 403 from Spring Security in the same problem shape as every other answer. */
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private final ProblemResponses problems;

	ProblemSecurityHandlers(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		// The same answer for a forged, unsigned, expired or revoked token: nothing to probe.
		String challenge = (ex instanceof OAuth2AuthenticationException) ? "Bearer error=\"invalid_token\""
				: "Bearer";
		return this.problems.write(exchange, Problem.of(HttpStatus.UNAUTHORIZED, "unauthenticated")
			.header(HttpHeaders.WWW_AUTHENTICATE, challenge));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return this.problems.write(exchange, Problem.of(HttpStatus.FORBIDDEN, "forbidden"));
	}
}
