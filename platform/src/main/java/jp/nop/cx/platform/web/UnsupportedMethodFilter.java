package jp.nop.cx.platform.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Methods the API never uses ({@code TRACE}, invented ones) get a 405 problem before anything
 * else, as at the gateway. Left to the servlet, {@code TRACE} takes Tomcat's and Spring's own paths
 * (an echo, an error dispatch) and does not come out as one problem.
 */
public class UnsupportedMethodFilter extends OncePerRequestFilter {

	static final Set<String> ALLOWED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	static final String ALLOW = "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT";

	private final ProblemHandler problems;

	private final ObjectMapper objectMapper;

	public UnsupportedMethodFilter(ProblemHandler problems, ObjectMapper objectMapper) {
		this.problems = problems;
		this.objectMapper = objectMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (ALLOWED.contains(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		ProblemDetail body = this.problems.detail(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", new Object[0],
				request);
		response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
		response.setHeader(HttpHeaders.ALLOW, ALLOW);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(this.objectMapper.writeValueAsString(body));
	}
}
