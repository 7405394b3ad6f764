package jp.nop.cx.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A throw-away Debian {@code redis-server} on a free loopback port, for the tests of what several
 * instances share in Redis (the gateways' rate limits, the consoles' sessions). Nothing is saved
 * to disk. Where the package is absent the calling test is skipped with the reason ({@code .ci/run}
 * installs it).
 */
public final class RedisServer implements AutoCloseable {

	public static final Path EXECUTABLE = Path.of("/usr/bin/redis-server");

	private final Process process;

	private final int port;

	private RedisServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** Starts one and waits until it answers PING; skips the test (an assumption) without the package. */
	public static RedisServer startOrSkip() throws IOException {
		assumeTrue(Files.isExecutable(EXECUTABLE),
				"no redis-server at " + EXECUTABLE + " (apt-get install redis-server; .ci/run does)");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = new ProcessBuilder(EXECUTABLE.toString(), "--port", Integer.toString(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		RedisServer server = new RedisServer(process, port);
		await("redis-server on port " + port).atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(server::answersPing);
		return server;
	}

	public int port() {
		return this.port;
	}

	/** {@code redis://127.0.0.1:<port>}, as {@code CX_REDIS_URL} takes it. */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/** PING in Redis's wire protocol, so this helper needs no client library. */
	private boolean answersPing() throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readNBytes(7), StandardCharsets.US_ASCII).equals("+PONG\r\n");
		}
	}

	@Override
	public void close() {
		this.process.destroy();
	}

}
