package jp.nop.cx.registration;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stand-ins for the other services' {@code GET /internal/v1/partners/{partnerId}/export}, each a
 * real HTTP server on a random port that answers, fails or hangs as a test tells it.
 */
final class FakeServices {

	enum Mode {
		ANSWER, FAIL, HANG
	}

	private final Map<String, FakeService> services = new LinkedHashMap<>();

	private FakeServices() {
	}

	static FakeServices start(String... names) {
		FakeServices fakes = new FakeServices();
		for (String name : names) {
			fakes.services.put(name, new FakeService(name));
		}
		return fakes;
	}

	List<String> names() {
		return List.copyOf(this.services.keySet());
	}

	FakeService get(String name) {
		return this.services.get(name);
	}

	/** Every service answers again, and whatever hangs is let go. */
	void reset() {
		this.services.values().forEach(FakeService::reset);
	}

	static final class FakeService {

		private final String name;

		private final HttpServer server;

		private volatile Mode mode = Mode.ANSWER;

		private volatile CountDownLatch hang = new CountDownLatch(1);

		private volatile String lastAuthorization;

		private volatile String lastPath;

		FakeService(String name) {
			this.name = name;
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			this.server.createContext("/internal/v1/partners/", this::handle);
			this.server.setExecutor(Executors.newCachedThreadPool((r) -> {
				Thread thread = new Thread(r, "fake-" + name);
				thread.setDaemon(true);
				return thread;
			}));
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

		void mode(Mode mode) {
			this.mode = mode;
		}

		String lastAuthorization() {
			return this.lastAuthorization;
		}

		String lastPath() {
			return this.lastPath;
		}

		void reset() {
			this.mode = Mode.ANSWER;
			this.hang.countDown();
			this.hang = new CountDownLatch(1);
			this.lastAuthorization = null;
			this.lastPath = null;
		}

		private void handle(HttpExchange exchange) throws IOException {
			this.lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
			this.lastPath = exchange.getRequestURI().getPath();
			String partnerId = this.lastPath.replaceFirst("^/internal/v1/partners/([^/]+)/export$", "$1");
			switch (this.mode) {
				case FAIL -> respond(exchange, 500, "{\"status\":500}");
				case HANG -> {
					try {
						// Holds the answer back until the test lets go, as a stuck service would.
						this.hang.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					respond(exchange, 200, body(partnerId));
				}
				default -> respond(exchange, 200, body(partnerId));
			}
		}

		private String body(String partnerId) {
			return "{\"service\":\"" + this.name + "\",\"partnerId\":\"" + partnerId
					+ "\",\"items\":[{\"note\":\"" + this.name + "のデータ\"}]}";
		}

		private static void respond(HttpExchange exchange, int status, String body) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			try {
				exchange.sendResponseHeaders(status, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
			catch (IOException ex) {
				// The caller gave up waiting (time limit): nobody to answer.
			}
			finally {
				exchange.close();
			}
		}
	}
}
