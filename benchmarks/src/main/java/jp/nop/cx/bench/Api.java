package jp.nop.cx.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON over HTTP/1.1 for the set-up steps and the latencies measured here (java.net.http, a fixed pool). */
final class Api implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final ExecutorService pool = Executors.newFixedThreadPool(8, (task) -> {
		Thread thread = new Thread(task, "bench-http");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3))
		.executor(pool)
		.build();

	/** One answer; {@code json} is a missing node when the body is not JSON. */
	record Response(int status, String body, JsonNode json) {

		Response expect(int... statuses) {
			for (int status : statuses) {
				if (status == this.status) {
					return this;
				}
			}
			throw new IllegalStateException("unexpected status " + this.status + ": "
					+ this.body.substring(0, Math.min(this.body.length(), 300)));
		}

		String text(String field) {
			JsonNode value = this.json.path(field);
			return (value.isMissingNode() || value.isNull()) ? "" : value.asString();
		}
	}

	static ObjectNode object() {
		return JSON.createObjectNode();
	}

	HttpRequest request(String method, String url, String bearer, JsonNode body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "application/json, application/problem+json")
			.header("Accept-Language", "en");
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return request.build();
	}

	Response send(String method, String url, String bearer, JsonNode body) {
		try {
			HttpResponse<String> response = client.send(request(method, url, bearer, body),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.body(), parse(response.body()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + url + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** Status only, body discarded: for polling and open-loop load. */
	int status(String url, String bearer) {
		try {
			return client.send(request("GET", url, bearer, null), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	CompletableFuture<Integer> statusAsync(String url, String bearer) {
		return client.sendAsync(request("GET", url, bearer, null), HttpResponse.BodyHandlers.discarding())
			.thenApply(HttpResponse::statusCode)
			.exceptionally((failure) -> -1);
	}

	Response get(String url, String bearer) {
		return send("GET", url, bearer, null);
	}

	Response post(String url, String bearer, JsonNode body) {
		return send("POST", url, bearer, body);
	}

	private static JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return MissingNode.getInstance();
		}
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}
}
