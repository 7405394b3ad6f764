package jp.nop.cx.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SPEC section 5: errors that never reach a controller (a {@code sendError} from Tomcat or a
 * filter) arrive at Boot's error path; they are answered as problems like everything else,
 * replacing Boot's default error JSON.
 */
@Hidden
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

	private final ProblemHandler problems;

	public ProblemErrorController(ProblemHandler problems) {
		this.problems = problems;
	}

	@RequestMapping
	public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus resolved = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		HttpStatus status = (resolved != null && resolved.isError()) ? resolved : HttpStatus.INTERNAL_SERVER_ERROR;
		ProblemDetail body = this.problems.detail(status, code(status), new Object[0], request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		body.setInstance((uri instanceof String path) ? safeUri(path) : null);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.body(body);
	}

	/** The problem code of a status no handler answered (the same codes as the handlers use). */
	static String code(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "no-such-path";
			case METHOD_NOT_ALLOWED -> "method-not-allowed";
			case NOT_ACCEPTABLE -> "not-acceptable";
			case CONTENT_TOO_LARGE -> "too-large";
			case URI_TOO_LONG -> "uri-too-long";
			case REQUEST_HEADER_FIELDS_TOO_LARGE -> "headers-too-large";
			case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
			case UNAUTHORIZED -> "unauthenticated";
			case FORBIDDEN -> "forbidden";
			case SERVICE_UNAVAILABLE -> "unavailable";
			default -> status.is5xxServerError() ? "internal" : "bad-request";
		};
	}

	static URI safeUri(String path) {
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
