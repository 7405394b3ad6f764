package jp.nop.cx.console.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

/**
 * The whole platform as {@code ./cx up} starts it (the launcher, the broker, the store, the mail
 * catcher, the six services and the console), with its state under {@code console/target/}, so
 * the browser tests meet the real thing. One per test JVM; stopped (SIGTERM to the launcher,
 * which stops what it started) when the JVM ends.
 */
final class RunningStack {

	static final String GATEWAY = "http://localhost:8080";

	static final String MAIL = "http://localhost:8025";

	static final String OPERATOR_LOGIN = "operator";

	/**
	 * {@code -Dcx.browser.running-stack=true}: drive the stack a {@code ./cx up} already runs (its
	 * operator password read from {@code .cx/}), to look at the pages while working on them.
	 */
	private static final boolean USE_RUNNING = Boolean.getBoolean("cx.browser.running-stack");

	private static final String STARTED_OPERATOR_PASSWORD = "Browser-" + UUID.randomUUID();

	private static final List<Integer> PORTS = List.of(8080, 8081, 8082, 8083, 8084, 8085, 8086, 9080, 9081, 9082, 9083,
			9084, 9085, 9086, 9092, 9093, 27017, 1025, 8025);

	private static RunningStack started;

	private static String unavailable;

	private final Process launcher;

	private RunningStack(Process launcher) {
		this.launcher = launcher;
	}

	/** Why the stack cannot run here, or null when it can (the tests are skipped with this reason). */
	static synchronized String unavailableReason() {
		if (unavailable != null || started != null || USE_RUNNING) {
			return unavailable;
		}
		Path root = root();
		List<String> missing = Stream
			.of("local-stack/target/local-stack-exec.jar", "registration-service/target/registration-service.jar",
					"identity-service/target/identity-service.jar", "terms-service/target/terms-service.jar",
					"enforcement-service/target/enforcement-service.jar",
					"notification-service/target/notification-service.jar", "gateway/target/gateway.jar",
					"console/target/console.jar")
			.filter((jar) -> !Files.isRegularFile(root.resolve(jar)))
			.toList();
		if (!missing.isEmpty()) {
			unavailable = "the platform's jars are not built (missing " + missing.get(0)
					+ "); run the whole build: ./mvnw verify";
		}
		else {
			PORTS.stream()
				.filter((port) -> !isFree(port))
				.findFirst()
				.ifPresent((port) -> unavailable = "port " + port
						+ " is in use (is a ./cx up running?); the browser tests start their own stack");
		}
		return unavailable;
	}

	static synchronized RunningStack get() {
		if (started == null) {
			started = USE_RUNNING ? new RunningStack(null) : start();
		}
		return started;
	}

	static String operatorPassword() {
		if (!USE_RUNNING) {
			return STARTED_OPERATOR_PASSWORD;
		}
		try {
			return Files.readString(root().resolve(".cx/operator-password")).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static RunningStack start() {
		Path root = root();
		Path state = root.resolve("console/target/cx-state");
		try {
			deleteTree(state);
			Files.createDirectories(state);
			List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC", "-jar",
					root.resolve("local-stack/target/local-stack-exec.jar").toString(), "up"));
			ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
				.redirectErrorStream(true)
				.redirectOutput(state.resolve("launcher.log").toFile());
			builder.environment().put("CX_ROOT", root.toString());
			builder.environment().put("CX_STATE_DIR", state.toString());
			builder.environment().put("CX_OPERATOR_LOGIN", OPERATOR_LOGIN);
			builder.environment().put("CX_OPERATOR_PASSWORD", STARTED_OPERATOR_PASSWORD);
			builder.environment().put("CX_OPERATOR_MFA", "optional");
			builder.environment().put("CX_READY_TIMEOUT", "300");
			// The state is new every run: class-data archives would be trained for every service each time.
			builder.environment().put("CX_CDS", "off");
			Process process = builder.start();
			RunningStack stack = new RunningStack(process);
			Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "stop-local-stack"));
			HttpClient http = HttpClient.newHttpClient();
			Awaitility.await("the local stack (see console/target/cx-state/launcher.log)")
				.atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofSeconds(1))
				.failFast("the launcher exited", () -> !process.isAlive())
				.until(() -> ready(http, GATEWAY + "/actuator/health/readiness")
						&& ready(http, "http://localhost:9086/actuator/health/readiness"));
			return stack;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean ready(HttpClient http, String url) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(2))
				.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void stop() {
		this.launcher.destroy();
		try {
			if (!this.launcher.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				this.launcher.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static Path root() {
		String configured = System.getProperty("cx.root");
		Path root = (configured != null) ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
		return root.toAbsolutePath().normalize();
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String javaExecutable() {
		return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + File.separator + "bin"
				+ File.separator + "java");
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
