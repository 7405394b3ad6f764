package jp.nop.cx.localstack.supervisor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** Probes {@code GET /actuator/health/readiness}: ready means 200 with {@code "status":"UP"}. */
public final class Readiness {

	private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	public CompletableFuture<Boolean> probe(int port) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.header("Accept", "application/json")
			.GET()
			.build();
		return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.thenApply((response) -> response.statusCode() == 200 && UP.matcher(response.body()).find())
			.exceptionally((ex) -> false);
	}

}
