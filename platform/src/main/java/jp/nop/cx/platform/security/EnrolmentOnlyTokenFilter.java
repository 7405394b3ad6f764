package jp.nop.cx.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.nop.cx.platform.web.ProblemHandler;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an enrolment-only token ({@link EnrolmentOnlyTokens}) everywhere but on the enrolment
 * endpoints, right after the bearer token was verified, whatever the service's own rules say.
 */
public class EnrolmentOnlyTokenFilter extends OncePerRequestFilter {

	private final ProblemHandler problems;

	private final ObjectMapper objectMapper;

	public EnrolmentOnlyTokenFilter(ProblemHandler problems, ObjectMapper objectMapper) {
		this.problems = problems;
		this.objectMapper = objectMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token
				&& EnrolmentOnlyTokens.isRestricted(token.getToken().getClaims())
				&& !EnrolmentOnlyTokens.allows(token.getToken().getClaims(), request.getMethod(),
						request.getRequestURI().substring(request.getContextPath().length()))) {
			ProblemDetail body = this.problems.detail(HttpStatus.FORBIDDEN, EnrolmentOnlyTokens.PROBLEM, new Object[0],
					request);
			response.setStatus(body.getStatus());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(this.objectMapper.writeValueAsString(body));
			return;
		}
		chain.doFilter(request, response);
	}
}
