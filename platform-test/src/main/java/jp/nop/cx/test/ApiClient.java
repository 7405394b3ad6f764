package jp.nop.cx.test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Real HTTP against a running service or gateway, JSON in and out. Never throws on a status:
 * tests assert on {@link Response#status()} and the problem body.
 */
public final class ApiClient {

	private static final Logger log = LoggerFactory.getLogger(ApiClient.class);

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final String token;

	private final Map<String, String> headers;

	private ApiClient(String baseUrl, String token, Map<String, String> headers) {
		this.baseUrl = baseUrl;
		this.token = token;
		this.headers = headers;
	}

	public static ApiClient at(int port) {
		return new ApiClient("http://localhost:" + port, null, Map.of());
	}

	public static ApiClient at(String baseUrl) {
		return new ApiClient(baseUrl, null, Map.of());
	}

	public ApiClient as(String bearerToken) {
		return new ApiClient(this.baseUrl, bearerToken, this.headers);
	}

	public ApiClient anonymous() {
		return new ApiClient(this.baseUrl, null, this.headers);
	}

	public ApiClient header(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(name, value);
		return new ApiClient(this.baseUrl, this.token, copy);
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response delete(String path) {
		return send("DELETE", path, null);
	}

	public Response post(String path, Object body) {
		return send("POST", path, body);
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body);
	}

	public Response patch(String path, Object body) {
		return send("PATCH", path, body);
	}

	/** {@code body}: a JSON string is sent as is; anything else is serialised with Jackson. */
	public Response send(String method, String path, Object body) {
		String json = (body == null) ? null : (body instanceof String s) ? s : JSON.writeValueAsString(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(20))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		this.headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (HttpTimeoutException ex) {
			// The application under test runs in this JVM: what its threads were doing when a request
			// got no answer is the one clue a rare timeout leaves (seen once per few CI runs).
			log.error("{} {} timed out; threads of this JVM:\n{}", method, path, threadDump());
			throw new IllegalStateException(method + " " + path + " failed: " + ex, ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String threadDump() {
		StringBuilder dump = new StringBuilder();
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
			if (thread.getLockName() != null) {
				dump.append(" on ").append(thread.getLockName());
			}
			dump.append('\n');
			for (StackTraceElement frame : thread.getStackTrace()) {
				dump.append("\tat ").append(frame).append('\n');
			}
		}
		return dump.toString();
	}

	/** A response: status, headers, raw body and the body as JSON (missing node if not JSON). */
	public record Response(int status, HttpHeaders headers, String raw) {

		public JsonNode json() {
			if (this.raw == null || this.raw.isBlank()) {
				return MissingNode.getInstance();
			}
			try {
				return JSON.readTree(this.raw);
			}
			catch (RuntimeException ex) {
				return MissingNode.getInstance();
			}
		}

		public String text(String field) {
			return json().path(field).asString();
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.raw;
		}
	}
}
