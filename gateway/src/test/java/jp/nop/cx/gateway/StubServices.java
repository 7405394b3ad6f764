package jp.nop.cx.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Five JDK HTTP servers playing registration, identity, terms, enforcement and notification:
 * each records what it receives and answers {@code {"service": name, ...}}, and answers its own
 * readiness endpoint UP or DOWN as a test decides. A path containing {@code /slow} is answered
 * only after {@link #SLOW}; a path containing {@code /unavailable} gets the service's own 503. A
 * request with {@code gather=<key>&of=<n>} is held until n requests of that key are in the service
 * at once (or {@link #GATHER_WAIT} has passed), so a test can be sure they were concurrent.
 */
final class StubServices {

	static final Duration SLOW = Duration.ofSeconds(30);

	static final Duration GATHER_WAIT = Duration.ofSeconds(5);

	static final Set<String> NAMES = Set.of("registration", "identity", "terms", "enforcement", "notification");

	private final Map<String, Stub> stubs = new TreeMap<>();

	private final ExecutorService workers = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "stub-service");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, CountDownLatch> gatherings = new ConcurrentHashMap<>();

	/** Released when a test ends, so slow answers do not outlive it. */
	private volatile CountDownLatch slowRelease = new CountDownLatch(1);

	private StubServices() {
		NAMES.forEach((name) -> this.stubs.put(name, new Stub(name)));
	}

	static StubServices start() {
		return new StubServices();
	}

	String url(String name) {
		return "http://127.0.0.1:" + this.stubs.get(name).server.getAddress().getPort();
	}

	void ready(String name, boolean ready) {
		this.stubs.get(name).ready.set(ready);
	}

	/** The requests one service received whose path and query contain {@code marker}. */
	List<Received> received(String name, String marker) {
		return this.stubs.get(name).received.stream().filter((r) -> r.uri().contains(marker)).toList();
	}

	/** The service (if any) that received a request whose path and query contain {@code marker}. */
	Optional<Received> anyReceived(String marker) {
		return this.stubs.values()
			.stream()
			.flatMap((stub) -> stub.received.stream())
			.filter((r) -> r.uri().contains(marker))
			.findFirst();
	}

	void reset() {
		this.stubs.values().forEach((stub) -> {
			stub.ready.set(true);
			stub.received.clear();
		});
		this.slowRelease.countDown();
		this.slowRelease = new CountDownLatch(1);
	}

	/** One request as a service saw it. */
	record Received(String service, String method, String uri, Map<String, List<String>> headers) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}
	}

	private final class Stub {

		private final String name;

		private final HttpServer server;

		private final AtomicBoolean ready = new AtomicBoolean(true);

		private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

		Stub(String name) {
			this.name = name;
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			this.server.setExecutor(StubServices.this.workers);
			this.server.createContext("/", this::handle);
			this.server.start();
		}

		private void handle(HttpExchange exchange) throws IOException {
			try (InputStream body = exchange.getRequestBody()) {
				body.readAllBytes();
			}
			String uri = exchange.getRequestURI().toString();
			if (uri.startsWith("/actuator/health/readiness")) {
				boolean up = this.ready.get();
				respond(exchange, up ? 200 : 503, "{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}", Map.of());
				return;
			}
			this.received.add(new Received(this.name, exchange.getRequestMethod(), uri,
					new ConcurrentHashMap<>(exchange.getRequestHeaders())));
			if (uri.contains("/slow")) {
				awaitRelease();
			}
			gather(exchange.getRequestURI().getRawQuery());
			if (uri.contains("/unavailable")) {
				respond(exchange, 503, "{\"service\":\"" + this.name + "\",\"own\":true}", Map.of("Retry-After", "7"));
				return;
			}
			respond(exchange, 200, "{\"service\":\"" + this.name + "\",\"method\":\"" + exchange.getRequestMethod()
					+ "\",\"uri\":\"" + uri.replace("\"", "") + "\"}", Map.of());
		}

		private void gather(String query) {
			Map<String, String> parameters = new TreeMap<>();
			if (query != null) {
				for (String pair : query.split("&")) {
					int eq = pair.indexOf('=');
					if (eq > 0) {
						parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
					}
				}
			}
			String key = parameters.get("gather");
			if (key == null) {
				return;
			}
			CountDownLatch gathering = StubServices.this.gatherings.computeIfAbsent(key,
					(k) -> new CountDownLatch(Integer.parseInt(parameters.getOrDefault("of", "1"))));
			gathering.countDown();
			try {
				gathering.await(GATHER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private void awaitRelease() {
			try {
				StubServices.this.slowRelease.await(SLOW.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private void respond(HttpExchange exchange, int status, String json, Map<String, String> headers)
				throws IOException {
			byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	/** Requests matching {@code match} across all services. */
	List<Received> all(Predicate<Received> match) {
		return this.stubs.values().stream().flatMap((s) -> s.received.stream()).filter(match).toList();
	}
}
