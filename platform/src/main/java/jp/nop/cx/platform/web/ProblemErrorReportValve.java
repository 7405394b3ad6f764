package jp.nop.cx.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * SPEC section 5: Tomcat answers some requests itself, before any servlet (a malformed request
 * line, an unparseable header), through its host's error report valve, as an HTML page. This
 * valve takes that one's place and writes the same problem document the services write, in the
 * language of the request's {@code Accept-Language} where Tomcat could read it (else Japanese).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

	private final ProblemHandler problems;

	private final ObjectMapper objectMapper;

	public ProblemErrorReportValve(ProblemHandler problems, ObjectMapper objectMapper) {
		this.problems = problems;
		this.objectMapper = objectMapper;
	}

	/** Puts this valve in place of the default one of the host {@code context} is deployed in. */
	public static void install(Context context, ProblemHandler problems, ObjectMapper objectMapper) {
		if (context.getParent() instanceof StandardHost host) {
			// The host adds its default ErrorReportValve at start unless one of this class is present.
			host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			host.getPipeline().addValve(new ProblemErrorReportValve(problems, objectMapper));
		}
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int code = response.getStatus();
		if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus resolved = HttpStatus.resolve(code);
		HttpStatus status = (resolved != null) ? resolved : HttpStatus.BAD_REQUEST;
		try {
			// The request line may be missing or malformed: its URI is not trusted as an instance.
			HttpServletRequest headersOnly = new HttpServletRequestWrapper(request.getRequest()) {
				@Override
				public String getRequestURI() {
					return "/";
				}
			};
			ProblemDetail detail = this.problems.detail(status, ProblemErrorController.code(status), new Object[0],
					headersOnly);
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("type", detail.getType().toString());
			document.put("title", detail.getTitle());
			document.put("status", detail.getStatus());
			if (detail.getDetail() != null) {
				document.put("detail", detail.getDetail());
			}
			String body = this.objectMapper.writeValueAsString(document);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Could not write the problem for a {} refused by Tomcat", code, ex);
		}
	}
}
