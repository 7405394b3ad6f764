package jp.nop.cx.notification.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook receiver (JDK HttpServer on 127.0.0.1): records every request and answers
 * from a per-path script (then 200).
 */
public final class WebhookReceiver {

	private static final WebhookReceiver INSTANCE = new WebhookReceiver();

	private final HttpServer server;

	private final List<Request> received = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();

	private WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.start();
	}

	public static WebhookReceiver get() {
		return INSTANCE;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** A new path on the receiver answering {@code replies} in turn, then 200. */
	public String endpoint(Reply... replies) {
		String path = "/hooks/" + UUID.randomUUID();
		this.scripts.put(path, new ArrayDeque<>(List.of(replies)));
		return "http://127.0.0.1:" + port() + path;
	}

	public List<Request> requestsTo(String url) {
		String path = url.substring(url.indexOf('/', "http://".length()));
		return this.received.stream().filter((r) -> r.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		Map<String, String> headers = new HashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
		String path = exchange.getRequestURI().getPath();
		this.received.add(new Request(exchange.getRequestMethod(), path, headers, new String(body, StandardCharsets.UTF_8)));
		Deque<Reply> script = this.scripts.get(path);
		Reply reply = (script != null && !script.isEmpty()) ? script.poll() : Reply.status(200);
		reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		exchange.sendResponseHeaders(reply.status(), -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.flush();
		}
	}

	/** One received request. */
	public record Request(String method, String path, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase());
		}
	}

	/** A scripted answer. */
	public record Reply(int status, Map<String, String> headers) {

		public static Reply status(int status) {
			return new Reply(status, Map.of());
		}

		public static Reply retryAfter(int status, String retryAfter) {
			return new Reply(status, Map.of("Retry-After", retryAfter));
		}
	}
}
