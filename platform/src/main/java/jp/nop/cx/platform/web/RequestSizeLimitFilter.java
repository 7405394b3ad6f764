package jp.nop.cx.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 before anything reads them: by the declared
 * length when there is one, and by counting while reading when the body is chunked.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long defaultLimit;

	private final Map<String, Long> limitsByPath;

	private final ProblemHandler problems;

	private final ObjectMapper objectMapper;

	private final AntPathMatcher matcher = new AntPathMatcher();

	public RequestSizeLimitFilter(long defaultLimit, Map<String, Long> limitsByPath, ProblemHandler problems,
			ObjectMapper objectMapper) {
		this.defaultLimit = defaultLimit;
		this.limitsByPath = limitsByPath;
		this.problems = problems;
		this.objectMapper = objectMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitFor(request.getRequestURI());
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			ProblemDetail body = this.problems.detail(HttpStatus.CONTENT_TOO_LARGE, "too-large", new Object[0],
					request);
			body.setProperty("limit", limit);
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(this.objectMapper.writeValueAsString(body));
			return;
		}
		chain.doFilter((declared < 0) ? new Limited(request, limit) : request, response);
	}

	private long limitFor(String path) {
		return this.limitsByPath.entrySet()
			.stream()
			.filter((e) -> this.matcher.match(e.getKey(), path))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(this.defaultLimit);
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {
				private long count;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0 && ++this.count > Limited.this.limit) {
						throw new PayloadTooLargeException(Limited.this.limit);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					if (n > 0 && (this.count += n) > Limited.this.limit) {
						throw new PayloadTooLargeException(Limited.this.limit);
					}
					return n;
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}
	}
}
