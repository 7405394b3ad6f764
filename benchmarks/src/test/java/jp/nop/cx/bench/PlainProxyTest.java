package jp.nop.cx.bench;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class PlainProxyTest {

	@TempDir
	Path dir;

	@Test
	void theProxyKeepsConnectionsToTheServiceAliveAndLogsNoRequest() {
		String config = PlainProxy.config(dir, URI.create("http://127.0.0.1:8081"), 41234);

		assertThat(config).contains("upstream service { server 127.0.0.1:8081; keepalive 256; }")
			.contains("proxy_pass http://service;")
			// keep-alive upstream needs HTTP/1.1 and no "Connection: close" passed on
			.contains("proxy_http_version 1.1;")
			.contains("proxy_set_header Connection \"\";")
			.contains("access_log off;")
			.contains("listen 127.0.0.1:41234;")
			.contains("daemon off;");
	}

	@Test
	void everyFileNginxWritesIsUnderTheRunsDirectory() {
		String config = PlainProxy.config(dir, URI.create("http://127.0.0.1:8081"), 41234);

		assertThat(config.lines()
			.map(String::trim)
			.filter((line) -> line.matches("(pid|error_log|\\w+_temp_path) .*"))
			.map((line) -> line.split(" ")[1].replace(";", "")))
			.hasSize(7)
			.allSatisfy((file) -> assertThat(Path.of(file).startsWith(dir)).as(file).isTrue());
	}

	@Test
	void startedNginxForwardsToTheServiceOnAFreeLoopbackPortOverFewConnections() throws Exception {
		assumeThat(Path.of("/usr/sbin/nginx")).as("nginx installed").isExecutable();
		Set<InetSocketAddress> upstreamConnections = ConcurrentHashMap.newKeySet();
		HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		service.createContext("/", (exchange) -> {
			upstreamConnections.add(exchange.getRemoteAddress());
			byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		service.start();
		try (Api api = new Api();
				PlainProxy proxy = PlainProxy.start(dir, "http://127.0.0.1:" + service.getAddress().getPort(), api)) {
			int port = URI.create(proxy.url()).getPort();
			assertThat(proxy.url()).startsWith("http://127.0.0.1:");
			assertThat(port).isNotEqualTo(service.getAddress().getPort());

			for (int i = 0; i < 20; i++) {
				assertThat(api.status(proxy.url() + "/api/v1/partners/me", null)).isEqualTo(200);
			}

			// One request at a time: a kept-alive upstream connection serves them all (a worker may hold its own).
			assertThat(upstreamConnections).hasSizeLessThan(5);
			assertThat(Files.readString(dir.resolve("nginx").resolve("nginx.conf"))).contains("listen 127.0.0.1:" + port);
		}
		finally {
			service.stop(0);
		}
	}
}
