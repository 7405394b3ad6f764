package jp.nop.cx.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.nop.cx.platform.web.ProblemHandler;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from Spring Security in the same problem shape as every other error. */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ProblemHandler problems;

	private final ObjectMapper objectMapper;

	public ProblemSecurityHandlers(ProblemHandler problems, ObjectMapper objectMapper) {
		this.problems = problems;
		this.objectMapper = objectMapper;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		// The same answer for a missing, malformed, forged or expired token: nothing to probe.
		response.setHeader("WWW-Authenticate", "Bearer");
		write(response, this.problems.detail(HttpStatus.UNAUTHORIZED, "unauthenticated", new Object[0], request));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		write(response, this.problems.detail(HttpStatus.FORBIDDEN, "forbidden", new Object[0], request));
	}

	private void write(HttpServletResponse response, ProblemDetail body) throws IOException {
		response.setStatus(body.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(this.objectMapper.writeValueAsString(body));
	}
}
