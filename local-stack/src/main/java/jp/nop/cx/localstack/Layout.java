package jp.nop.cx.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * Where things live, relative to the repository root (the working directory of {@code ./cx}, or
 * {@code -Dcx.root}). Everything the local stack writes goes under {@code .cx/}.
 */
public record Layout(Path root) {

	/**
	 * The six services and the web console, backends first, gateway last (it is ready only when
	 * the others are).
	 */
	public static final List<ServiceSpec> SERVICES = List.of(
			new ServiceSpec("registration-service", 8081, false),
			new ServiceSpec("identity-service", 8082, false),
			new ServiceSpec("terms-service", 8083, false),
			new ServiceSpec("enforcement-service", 8084, false),
			new ServiceSpec("notification-service", 8085, false),
			new ServiceSpec("console", 8086, false),
			new ServiceSpec("gateway", 8080, true));

	/** {@code -Dcx.root}, else {@code CX_ROOT}, else the checkout the launcher jar was built in, else the working directory. */
	public static Layout fromEnvironment() {
		String configured = System.getProperty("cx.root", System.getenv("CX_ROOT"));
		if (configured != null && !configured.isBlank()) {
			return new Layout(Path.of(configured).toAbsolutePath().normalize());
		}
		Path classPath = Path.of(System.getProperty("java.class.path", "")).toAbsolutePath().normalize();
		if (classPath.endsWith(Path.of("local-stack", "target", "local-stack-exec.jar"))) {
			return new Layout(classPath.getParent().getParent().getParent());
		}
		return new Layout(Path.of("").toAbsolutePath().normalize());
	}

	/** {@code .cx/} of the checkout, or {@code CX_STATE_DIR} (the browser tests keep theirs under target/). */
	public Path stateDir() {
		String configured = System.getProperty("cx.state", System.getenv("CX_STATE_DIR"));
		return (configured != null && !configured.isBlank()) ? Path.of(configured).toAbsolutePath().normalize()
				: root.resolve(".cx");
	}

	public Path kafkaDir() {
		return stateDir().resolve("kafka");
	}

	public Path mongoFile() {
		return stateDir().resolve("mongo").resolve("cx.mv");
	}

	public Path logsDir() {
		return stateDir().resolve("logs");
	}

	public Path pidsFile() {
		return stateDir().resolve("pids");
	}

	public Path operatorPasswordFile() {
		return stateDir().resolve("operator-password");
	}

	public Path eventSecretKeyFile() {
		return stateDir().resolve("event-secret-key");
	}

	public Path keyEncryptionKeyFile() {
		return stateDir().resolve("key-encryption-key");
	}

	public Path consoleSessionKeyFile() {
		return stateDir().resolve("console-session-key");
	}

	public Path launcherJar() {
		return root.resolve("local-stack").resolve("target").resolve("local-stack-exec.jar");
	}

	public Path jar(ServiceSpec service) {
		return root.resolve(service.name()).resolve("target").resolve(service.name() + ".jar");
	}

	public Path log(String component) {
		return logsDir().resolve(component + ".log");
	}

	/** The port of a service's n-th instance (1-based): 8081, 8181, 8281 … (./cx up --scale). */
	public static int instancePort(int firstPort, int instance) {
		return firstPort + 100 * (instance - 1);
	}

	/**
	 * A service of the platform: its module name (= jar name) and its fixed local port; with
	 * {@code --scale}, one spec per instance, the n-th on {@link #instancePort}.
	 */
	public record ServiceSpec(String name, int port, boolean gateway, int instance) {

		public ServiceSpec(String name, int port, boolean gateway) {
			this(name, port, gateway, 1);
		}

		/** The same service's n-th instance. */
		public ServiceSpec instance(int n) {
			return new ServiceSpec(this.name, instancePort(this.port, n), this.gateway, n);
		}

		/** {@code notification-service}, {@code notification-service-2} …: its log and pid entry. */
		public String instanceName() {
			return (this.instance == 1) ? this.name : this.name + "-" + this.instance;
		}

		/** The public port + 1000, as the platform's defaults derive it (docs/platform-guide.md). */
		public int managementPort() {
			return this.port + 1000;
		}
	}

}
