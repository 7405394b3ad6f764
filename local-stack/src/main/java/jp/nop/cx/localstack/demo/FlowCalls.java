package jp.nop.cx.localstack.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jp.nop.cx.localstack.Console;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/** What the demo's flow classes share: calls through the gateway that print themselves, checks and waits. */
final class FlowCalls {

	private final Http http;

	private final String gateway;

	FlowCalls(Http http, String gateway) {
		this.http = http;
		this.gateway = gateway;
	}

	void title(String title) {
		Console.blank();
		Console.line("· %s", title);
	}

	Http.Response call(String method, String path, String bearer, JsonNode body, int... statuses) {
		Console.line("  → %s %s", method, path);
		Http.Response response = this.http.send(method, this.gateway + path, bearer, body);
		if (Arrays.stream(statuses).noneMatch((status) -> status == response.status())) {
			String shown = response.body().isBlank() ? "(no body)" : response.body().replaceAll("\\s+", " ");
			Console.line("  ✗ %d %s", response.status(), shown.substring(0, Math.min(shown.length(), 400)));
			throw new Demo.Failed("unexpected status " + response.status() + " from " + method + " " + path);
		}
		return response;
	}

	/** The same call without printing, for polling. */
	Http.Response quietly(String method, String path, String bearer) {
		return this.http.send(method, this.gateway + path, bearer, null);
	}

	static void ok(Http.Response response, String detail) {
		Console.line("  ✓ %d %s", response.status(), detail);
	}

	static void require(boolean condition, String message) {
		if (!condition) {
			Console.line("  ✗ %s", message);
			throw new Demo.Failed(message);
		}
	}

	static <T> T poll(String what, Duration timeout, Supplier<Optional<T>> attempt) {
		AtomicReference<T> found = new AtomicReference<>();
		try {
			Awaitility.await(what)
				.atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(500))
				.until(() -> {
					Optional<T> result = attempt.get();
					result.ifPresent(found::set);
					return result.isPresent();
				});
		}
		catch (ConditionTimeoutException ex) {
			Console.line("  ✗ no %s within %d s", what, timeout.toSeconds());
			throw new Demo.Failed("timed out waiting for " + what);
		}
		return found.get();
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? "" : value.asString();
	}

	static String encode(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** The first inbox notice of {@code eventType} in the partner's inbox, if it arrived. */
	Optional<JsonNode> inboxNotice(String partnerToken, String eventType) {
		Http.Response inbox = quietly("GET", "/api/v1/notifications/me?size=100", partnerToken);
		if (inbox.status() == 200) {
			for (JsonNode item : inbox.json().path("items")) {
				if (eventType.equals(text(item, "eventType"))) {
					return Optional.of(item);
				}
			}
		}
		return Optional.empty();
	}
}
