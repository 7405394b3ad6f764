package jp.nop.cx.localstack.demo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** A small JSON-over-HTTP client for the demo (java.net.http + Jackson 3). */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3))
		.build();

	/** One answer: status, content type, raw body and the body as JSON (missing node if not JSON). */
	record Response(int status, java.net.http.HttpHeaders headers, String body, JsonNode json) {

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		String contentType() {
			return this.headers.firstValue("Content-Type").orElse("");
		}

		boolean isProblem() {
			return contentType().toLowerCase().startsWith("application/problem+json");
		}

	}

	/** Thrown when nothing answers at all (connection refused). */
	static final class Unreachable extends RuntimeException {

		Unreachable(String url, Throwable cause) {
			super("nothing answers at " + url, cause);
		}

	}

	Response send(String method, String url, String bearer, JsonNode body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(15))
			.header("Accept", "application/json, application/problem+json")
			.header("Accept-Language", "ja");
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers(), response.body(), parse(response.body()));
		}
		catch (ConnectException ex) {
			throw new Unreachable(url, ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + url + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

}
