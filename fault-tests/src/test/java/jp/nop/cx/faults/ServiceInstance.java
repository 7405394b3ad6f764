package jp.nop.cx.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.nop.cx.localstack.Layout;
import jp.nop.cx.localstack.supervisor.Processes;
import jp.nop.cx.localstack.supervisor.ServiceProcess;
import jp.nop.cx.test.ApiClient;

import static org.awaitility.Awaitility.await;

/**
 * One service instance started from its built jar as {@code ./cx up} starts it
 * ({@link ServiceProcess}: same JVM options, log under {@code target/fault-state/logs/}), on a
 * random port, pointed at the {@link FaultStack}.
 */
final class ServiceInstance {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	/** Every instance started in this JVM: killed at its end should a test not have stopped them. */
	private static final List<ServiceInstance> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final ServiceProcess process;

	private final int port;

	private ServiceInstance(ServiceProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts instance {@code n} of {@code service} with the stack's environment, {@code env} on top,
	 * and {@code properties} as {@code -D} options.
	 */
	static ServiceInstance start(String service, int n, String database, Map<String, String> env,
			Map<String, String> properties) {
		FaultStack stack = FaultStack.get();
		int port = FaultStack.freeServicePort();
		Map<String, String> environment = new LinkedHashMap<>(stack.environment(database));
		environment.putAll(env);
		List<String> options = new ArrayList<>();
		properties.forEach((name, value) -> options.add("-D" + name + "=" + value));
		try {
			ServiceProcess process = ServiceProcess.start(stack.layout(),
					new Layout.ServiceSpec(service, port, service.equals("gateway"), n), environment, options);
			ServiceInstance instance = new ServiceInstance(process, port);
			STARTED.add(instance);
			return instance;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String name() {
		return this.process.name();
	}

	int port() {
		return this.port;
	}

	int managementPort() {
		return this.port + 1000;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	String managementUrl() {
		return "http://127.0.0.1:" + managementPort();
	}

	ApiClient api() {
		return ApiClient.at(url());
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** The readiness probe's answer: 200 with UP, else 503 with DOWN/OUT_OF_SERVICE; -1 if nothing answers. */
	int readiness() {
		return status(managementUrl() + "/actuator/health/readiness");
	}

	void awaitReady(Duration timeout) {
		await(name() + " ready (log: " + this.process.log() + ")").atMost(timeout)
			.pollInterval(Duration.ofMillis(500))
			.failFast(name() + " exited; its log ends:\n" + String.join("\n", this.process.tail(40)),
					() -> !this.process.isAlive())
			.until(() -> readiness() == 200);
	}

	/** A counter of the instance's Prometheus endpoint, summed over the series that carry every label given. */
	double counter(String metric, Map<String, String> labels) {
		String body = body(managementUrl() + "/actuator/prometheus");
		double sum = 0;
		Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)\\} ([0-9.Ee+-]+)$", Pattern.MULTILINE);
		Matcher matcher = line.matcher(body);
		while (matcher.find()) {
			String series = matcher.group(1);
			if (labels.entrySet().stream().allMatch((l) -> series.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
				sum += Double.parseDouble(matcher.group(2));
			}
		}
		return sum;
	}

	/** SIGKILL: the instance dies where it stands, without a word to the broker or the store. */
	void kill() {
		this.process.handle().destroyForcibly();
		await(name() + " gone").atMost(Duration.ofSeconds(10)).until(() -> !this.process.isAlive());
	}

	List<String> logTail(int lines) {
		return this.process.tail(lines);
	}

	static void stopAll(Collection<ServiceInstance> instances) {
		Processes.stop(instances.stream().map((i) -> i.process.handle()).toList(), Duration.ofSeconds(10));
	}

	static void killLeftovers() {
		STARTED.stream().filter(ServiceInstance::isAlive).forEach((i) -> {
			i.process.handle().descendants().forEach(ProcessHandle::destroyForcibly);
			i.process.handle().destroyForcibly();
		});
	}

	private static int status(String url) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static String body(String url) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

}
