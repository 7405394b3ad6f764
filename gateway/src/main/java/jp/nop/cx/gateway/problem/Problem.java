package jp.nop.cx.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An answer the gateway gives itself, as RFC 9457 problem details: a stable {@code code} (the
 * last segment of {@code type}), message arguments for the localized title and detail, extra
 * members (e.g. {@code measureId}) and response headers (e.g. {@code Retry-After}).
 */
public final class Problem {

	private final HttpStatus status;

	private final String code;

	private final Object[] args;

	private final Map<String, Object> members = new LinkedHashMap<>();

	private final HttpHeaders headers = new HttpHeaders();

	private String instance;

	private Problem(HttpStatus status, String code, Object[] args) {
		this.status = status;
		this.code = code;
		this.args = args;
	}

	public static Problem of(HttpStatus status, String code, Object... args) {
		return new Problem(status, code, args);
	}

	/** Adds a member to the problem document; {@code null} values are left out. */
	public Problem with(String name, Object value) {
		if (value != null) {
			this.members.put(name, value);
		}
		return this;
	}

	/** The path the problem is about, when it is not the path of the current request. */
	public Problem instance(String path) {
		this.instance = path;
		return this;
	}

	public Problem header(String name, String value) {
		this.headers.set(name, value);
		return this;
	}

	public Problem retryAfterSeconds(long seconds) {
		return header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds)));
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	Object[] args() {
		return this.args;
	}

	String instance() {
		return this.instance;
	}

	Map<String, Object> members() {
		return this.members;
	}

	HttpHeaders headers() {
		return this.headers;
	}
}
