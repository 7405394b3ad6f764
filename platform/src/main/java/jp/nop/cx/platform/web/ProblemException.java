package jp.nop.cx.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure the client caused or must know about, answered as RFC 9457 problem details.
 * {@code code} names the problem: its {@code type} is {@code https://cx.nop.jp/problems/<code>}
 * and its title and detail come from the message bundles ({@code problem.<code>.title},
 * {@code problem.<code>.detail} with {@code args}) in the request's language.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Object[] args;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private final List<FieldError> fieldErrors;

	private final HttpHeaders headers = new HttpHeaders();

	public ProblemException(HttpStatus status, String code, Object... args) {
		this(status, code, List.of(), args);
	}

	public ProblemException(HttpStatus status, String code, List<FieldError> fieldErrors, Object... args) {
		super(code);
		this.status = status;
		this.code = code;
		this.args = args;
		this.fieldErrors = List.copyOf(fieldErrors);
	}

	/** Adds a member to the problem document, e.g. {@code earliestEffectiveOn}. */
	public ProblemException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public ProblemException header(String name, String value) {
		this.headers.add(name, value);
		return this;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public Object[] args() {
		return this.args;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

	public List<FieldError> fieldErrors() {
		return this.fieldErrors;
	}

	public HttpHeaders headers() {
		return this.headers;
	}

	public static ProblemException notFound(String what) {
		return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what);
	}

	public static ProblemException conflict(String code, Object... args) {
		return new ProblemException(HttpStatus.CONFLICT, code, args);
	}

	public static ProblemException forbidden() {
		return new ProblemException(HttpStatus.FORBIDDEN, "forbidden");
	}

	public static ProblemException invalid(List<FieldError> errors) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "validation", errors);
	}

	public static ProblemException invalid(String field, String message) {
		return invalid(List.of(new FieldError(field, message)));
	}

	/** One rejected field: where it is (JSON pointer-ish path) and why. */
	public record FieldError(String field, String message) {
	}
}
