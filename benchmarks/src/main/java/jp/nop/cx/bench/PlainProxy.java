package jp.nop.cx.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The "plain reverse proxy" column of SPEC section 7: Debian's nginx, when installed, started for
 * the run on a free loopback port in front of the same service, keeping connections to it alive
 * as the gateway does, with no access log. It does none of the gateway's work (no JWT, standing,
 * rate limit or audit), so its ratio is what a second hop alone costs on this machine.
 */
final class PlainProxy implements AutoCloseable {

	private final Process process;

	private final String url;

	private PlainProxy(Process process, String url) {
		this.process = process;
		this.url = url;
	}

	/** An nginx in front of {@code upstream} (http://host:port), or null when nginx is not installed. */
	static PlainProxy start(Path benchDir, String upstream, Api api) throws IOException {
		Path nginx = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx"))
			.stream()
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
		if (nginx == null) {
			return null;
		}
		Path dir = benchDir.resolve("nginx");
		Files.createDirectories(dir);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path file = dir.resolve("nginx.conf");
		Files.writeString(file, config(dir, URI.create(upstream), port), StandardCharsets.UTF_8);
		Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", file.toString(), "-e",
				dir.resolve("error.log").toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("nginx.out").toFile())
			.start();
		String url = "http://127.0.0.1:" + port;
		if (!Partners.poll(Duration.ofSeconds(10), Duration.ofMillis(50),
				() -> !process.isAlive() || api.status(url + "/actuator/health", null) > 0)
				|| !process.isAlive()) {
			process.destroyForcibly();
			throw new IllegalStateException("nginx did not start: see " + dir.resolve("error.log"));
		}
		return new PlainProxy(process, url);
	}

	/** nginx's configuration: every file it writes is under {@code dir}, none in a system directory. */
	static String config(Path dir, URI target, int port) {
		return String.join("\n", "daemon off;", "worker_processes auto;", "pid " + dir.resolve("nginx.pid") + ";",
				"error_log " + dir.resolve("error.log") + " warn;", "events { worker_connections 4096; }", "http {",
				"  access_log off;", "  client_body_temp_path " + dir.resolve("body") + ";",
				"  proxy_temp_path " + dir.resolve("proxy") + ";", "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
				"  uwsgi_temp_path " + dir.resolve("uwsgi") + ";", "  scgi_temp_path " + dir.resolve("scgi") + ";",
				"  upstream service { server " + target.getHost() + ":" + target.getPort() + "; keepalive 256; }",
				"  server {", "    listen 127.0.0.1:" + port + ";", "    location / {", "      proxy_pass http://service;",
				"      proxy_http_version 1.1;", "      proxy_set_header Connection \"\";", "    }", "  }", "}", "");
	}

	String url() {
		return url;
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}
}
