package jp.nop.cx.localstack.supervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.nop.cx.localstack.Console;
import jp.nop.cx.localstack.Layout;
import jp.nop.cx.localstack.LocalKeys;
import jp.nop.cx.localstack.OperatorCredentials;
import jp.nop.cx.localstack.PortCheck;
import jp.nop.cx.localstack.infra.KafkaBroker;
import jp.nop.cx.localstack.infra.MailCatcher;
import jp.nop.cx.localstack.infra.MongoStore;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The supervisor behind {@code ./cx up}: checks ports, starts the broker, the store and the mail
 * catcher in this JVM and the six services as child JVMs, waits for readiness and stays in the
 * foreground; a shutdown hook (Ctrl-C, SIGTERM) stops everything it started.
 */
public final class LocalStack {

	public static final int EXIT_PORT_IN_USE = 2;

	private static final String HOST = "127.0.0.1";

	private static final Duration STOP_GRACE = Duration.ofSeconds(10);

	private static final int LOG_TAIL_LINES = 30;

	private static final int FAILURE_REPORT_LINES = 2000;

	private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

	private final Layout layout;

	private final boolean withServices;

	private final Map<String, String> env;

	private final long startNanos = System.nanoTime();

	private long servicesStartNanos = startNanos;

	private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();

	private final PidFile pids;

	private final ClassDataArchives archives;

	private KafkaBroker broker;

	private MongoStore store;

	private MailCatcher mail;

	private volatile boolean stopping;

	private boolean stopped;

	private final Scale scale;

	private Process redis;

	public LocalStack(Layout layout, boolean withServices, Map<String, String> env) {
		this(layout, withServices, env, Scale.NONE);
	}

	public LocalStack(Layout layout, boolean withServices, Map<String, String> env, Scale scale) {
		this.layout = layout;
		this.withServices = withServices;
		this.env = env;
		this.scale = scale;
		this.pids = new PidFile(layout.pidsFile());
		// A training is a start up to the refreshed context: it may take what a start may.
		this.archives = new ClassDataArchives(layout.stateDir().resolve("cds"), ClassDataArchives.Jdk.current(),
				Duration.ofSeconds(readyTimeoutSeconds()));
	}

	/** Runs the stack; returns an exit code on failure, otherwise stays in the foreground until stopped. */
	public int run() throws Exception {
		if (withServices) {
			List<Path> missing = Layout.SERVICES.stream().map(layout::jar).filter((jar) -> !Files.isRegularFile(jar)).toList();
			if (!missing.isEmpty()) {
				Console.error("cx: missing " + layout.root().relativize(missing.get(0))
						+ "; run ./cx up from the repository root (it builds what is missing)");
				return 1;
			}
		}
		Leftovers.stop(layout);
		Optional<PortCheck.PortUse> busy = PortCheck
			.firstBusy(withServices ? PortCheck.stackPorts(this.scale.specs()) : PortCheck.infraPorts());
		if (busy.isPresent()) {
			Console.error(PortCheck.message(busy.get()));
			return EXIT_PORT_IN_USE;
		}
		if (withServices && this.scale.consolesShareSessions() && !redisConfigured() && !Files.isExecutable(REDIS_SERVER)) {
			Console.error("cx: several consoles share their sessions in Redis, but there is no CX_REDIS_URL and no "
					+ REDIS_SERVER + " (apt-get install redis-server, or set CX_REDIS_URL)");
			return 1;
		}
		OperatorCredentials operator = withServices
				? OperatorCredentials.resolveOrGenerate(layout.operatorPasswordFile(), env) : null;

		Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "cx-shutdown"));
		pids.add(ProcessHandle.current().pid(), PidFile.LAUNCHER, "local-stack");
		Console.line("cx: starting the local stack in %s (data and logs under .cx/)", layout.root());

		if (!startInfrastructure()) {
			return 1;
		}
		if (withServices) {
			startServices(operator);
			if (this.stopping) {
				return 130;
			}
			if (!awaitReady()) {
				return 1;
			}
		}
		printBanner(operator);
		watchServices();
		new CountDownLatch(1).await();
		return 0;
	}

	private boolean startInfrastructure() {
		try {
			broker = new KafkaBroker(layout.kafkaDir(), HOST, 9092, 9093);
			broker.start();
			progress("Kafka broker", broker.bootstrapServers());
			store = new MongoStore(layout.mongoFile(), HOST, 27017);
			store.start();
			progress("MongoDB-wire store", store.uri());
			mail = new MailCatcher(HOST, 1025, 8025);
			mail.start();
			progress("SMTP catcher", "localhost:1025, http://localhost:8025");
			return true;
		}
		catch (Exception ex) {
			Console.error("cx: the infrastructure did not start: " + ex + " (details in "
					+ layout.root().relativize(layout.log("infra")) + ")");
			org.slf4j.LoggerFactory.getLogger(LocalStack.class).error("infrastructure start failed", ex);
			return false;
		}
	}

	private void startServices(OperatorCredentials operator) throws IOException {
		Map<String, String> childEnv = new HashMap<>();
		childEnv.put("CX_OPERATOR_LOGIN", operator.login());
		childEnv.put("CX_OPERATOR_PASSWORD", operator.password());
		childEnv.put(LocalKeys.EVENT_SECRET_KEY,
				LocalKeys.resolveOrGenerate(layout.eventSecretKeyFile(), LocalKeys.EVENT_SECRET_KEY, env));
		childEnv.put(LocalKeys.KEY_ENCRYPTION_KEY,
				LocalKeys.resolveOrGenerate(layout.keyEncryptionKeyFile(), LocalKeys.KEY_ENCRYPTION_KEY, env));
		childEnv.put(LocalKeys.CONSOLE_SESSION_KEY,
				LocalKeys.resolveOrGenerate(layout.consoleSessionKeyFile(), LocalKeys.CONSOLE_SESSION_KEY, env));
		String webhooks = env.get("CX_WEBHOOK_ALLOW_PRIVATE_TARGETS");
		childEnv.put("CX_WEBHOOK_ALLOW_PRIVATE_TARGETS", (webhooks == null || webhooks.isBlank()) ? "false" : webhooks);
		// The local demo lets operators sign in without a second factor (./cx demo signs in as the
		// operator); everywhere else it is required (ADR 0018). CX_OPERATOR_MFA=required tries that here.
		String operatorMfa = env.get("CX_OPERATOR_MFA");
		childEnv.put("CX_OPERATOR_MFA", (operatorMfa == null || operatorMfa.isBlank()) ? "optional" : operatorMfa);
		// The console's session cookie is Secure everywhere but on http://localhost.
		childEnv.put("CX_CONSOLE_SECURE_COOKIE", "false");
		Scale.GatewayWiring wiring = this.scale.gatewayWiring();
		if (this.scale.needsRedis()) {
			sharedRedis(childEnv);
		}
		List<PlannedStart> planned = new ArrayList<>();
		for (Layout.ServiceSpec spec : this.scale.specs()) {
			Map<String, String> processEnv = childEnv;
			List<String> options = List.of();
			if (spec.gateway()) {
				processEnv = new HashMap<>(childEnv);
				processEnv.putAll(wiring.env());
				options = wiring.jvmOptions();
			}
			planned.add(new PlannedStart(spec, processEnv, options));
		}
		Map<String, ClassDataArchives.Launch> launches = launches(planned);
		if (this.stopping) {
			return;
		}
		this.servicesStartNanos = System.nanoTime();
		for (PlannedStart start : planned) {
			ServiceProcess process = ServiceProcess.start(layout, start.spec(), start.env(), start.options(),
					launches.get(start.spec().name()));
			services.add(process);
			pids.add(process.pid(), start.spec().instanceName(), process.jar().toString());
		}
		Console.line("cx: started %d services (pids in .cx/pids); waiting for readiness (up to %d s)…",
				services.size(), readyTimeoutSeconds());
	}

	/** One service instance to start, with what it gets beyond every service's options. */
	private record PlannedStart(Layout.ServiceSpec spec, Map<String, String> env, List<String> options) {
	}

	/**
	 * The jar (and class-data archive) each service starts from (ADR 0024). A service without a
	 * current archive is trained first, with the environment and options of its first instance;
	 * a training that fails leaves that service on its Boot jar and the stack starts anyway.
	 */
	private Map<String, ClassDataArchives.Launch> launches(List<PlannedStart> planned) throws IOException {
		Map<String, ClassDataArchives.Launch> launches = new HashMap<>();
		for (PlannedStart start : planned) {
			launches.putIfAbsent(start.spec().name(), ClassDataArchives.Launch.plain(layout.jar(start.spec()).toAbsolutePath()));
		}
		if (!ClassDataArchives.enabled(env)) {
			Console.line("cx: CX_CDS=off: the services start without class-data archives");
			return launches;
		}
		List<ClassDataArchives.Training> trainings = new ArrayList<>();
		for (PlannedStart start : planned) {
			Layout.ServiceSpec spec = start.spec();
			if (spec.instance() != 1) {
				continue;
			}
			Path jar = layout.jar(spec).toAbsolutePath();
			Optional<ClassDataArchives.Launch> current = this.archives.current(spec.name(), jar);
			if (current.isPresent()) {
				launches.put(spec.name(), current.get());
				continue;
			}
			List<String> options = new ArrayList<>(ServiceProcess.jvmOptions(spec, env));
			options.addAll(start.options());
			trainings.add(new ClassDataArchives.Training(spec.name(), jar, options, start.env(), layout.root()));
		}
		if (trainings.isEmpty()) {
			return launches;
		}
		Console.line("cx: building class-data archives for %d services (first start after a build)…", trainings.size());
		long started = System.nanoTime();
		List<ClassDataArchives.Outcome> outcomes;
		try {
			outcomes = this.archives.trainAll(trainings);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return launches;
		}
		int built = 0;
		for (ClassDataArchives.Outcome outcome : outcomes) {
			launches.put(outcome.service(), outcome.launch());
			if (outcome.shared()) {
				built++;
			}
			else if (!this.stopping) {
				Console.error("cx: CDS is off for " + outcome.service() + " (" + outcome.failure() + "); it starts from its jar; "
						+ "training log: " + layout.root().relativize(outcome.log().toAbsolutePath()));
			}
		}
		Console.line("cx: %d of %d class-data archives built in %.1f s (.cx/cds/)", built, trainings.size(),
				(System.nanoTime() - started) / 1e9);
		return launches;
	}

	/**
	 * Several gateways must share their rate limits and several consoles their sessions (SPEC
	 * section 5): CX_REDIS_URL if set, else a redis-server of the machine's own started for the
	 * stack, else each gateway limits alone (said once, loudly; several consoles were refused
	 * before anything started).
	 */
	private void sharedRedis(Map<String, String> childEnv) throws IOException {
		String what = Stream.of(this.scale.of("gateway") > 1 ? "shared rate limits" : null,
				this.scale.consolesShareSessions() ? "console sessions" : null)
			.filter(Objects::nonNull)
			.collect(Collectors.joining(", "));
		if (redisConfigured()) {
			childEnv.put("CX_REDIS_URL", env.get("CX_REDIS_URL").strip());
			return;
		}
		if (!Files.isExecutable(REDIS_SERVER)) {
			Console.error("cx: several gateways but no CX_REDIS_URL and no redis-server: each gateway limits "
					+ "partners on its own (apt-get install redis-server, or set CX_REDIS_URL)");
			return;
		}
		Optional<PortCheck.PortUse> busy = PortCheck.firstBusy(List.of(new PortCheck.PortUse(6379, "redis-server")));
		if (busy.isPresent()) {
			Console.error(PortCheck.message(busy.get()));
			throw new IOException("port 6379 is taken");
		}
		this.redis = new ProcessBuilder(REDIS_SERVER.toString(), "--port", "6379", "--bind", "127.0.0.1", "--save", "",
				"--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log("redis").toFile()))
			.start();
		pids.add(this.redis.pid(), "redis-server", REDIS_SERVER.toString());
		childEnv.put("CX_REDIS_URL", "redis://127.0.0.1:6379");
		progress("redis-server", "redis://127.0.0.1:6379 (" + what + ")");
	}

	private boolean redisConfigured() {
		String configured = env.get("CX_REDIS_URL");
		return configured != null && !configured.isBlank();
	}

	private boolean awaitReady() {
		Readiness readiness = new Readiness();
		Set<String> ready = new LinkedHashSet<>();
		// From the services' start: the trainings before it have their own timeout.
		Duration left = Duration.ofSeconds(readyTimeoutSeconds()).minusNanos(System.nanoTime() - servicesStartNanos);
		try {
			Awaitility.await("readiness of the services")
				.atMost(left.isNegative() ? Duration.ZERO : left)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(500))
				.until(() -> probeOnce(readiness, ready));
			return true;
		}
		catch (ServiceDied ex) {
			ServiceProcess service = ex.service;
			Console.error("cx: " + service.name() + " exited during startup (exit code " + service.exitValue()
					+ "); last lines of " + layout.root().relativize(service.log()) + ":");
			printTail(service);
			// The report may lie further back: the context's shutdown logs after it.
			StartupFailure.description(service.tail(FAILURE_REPORT_LINES))
				.ifPresent((reason) -> Console.error("cx: " + service.name() + " did not start: " + reason));
			return false;
		}
		catch (ConditionTimeoutException ex) {
			List<ServiceProcess> late = services.stream().filter((s) -> !ready.contains(s.name())).toList();
			Console.error("cx: not ready after " + readyTimeoutSeconds() + " s: "
					+ String.join(", ", late.stream().map(ServiceProcess::name).toList())
					+ " (set CX_READY_TIMEOUT to wait longer)");
			for (ServiceProcess service : late) {
				Console.error("cx: last lines of " + layout.root().relativize(service.log()) + ":");
				printTail(service);
			}
			return false;
		}
	}

	/**
	 * One round of readiness probes; the gateway is probed only once the backends are ready (its
	 * readiness waits for them anyway). Backends are asked on their management ports, the gateway
	 * on its public port, where SPEC section 6 promises its readiness. Returns whether everything
	 * is ready.
	 */
	private boolean probeOnce(Readiness readiness, Set<String> ready) {
		Map<ServiceProcess, CompletableFuture<Boolean>> probes = new LinkedHashMap<>();
		boolean backendsReady = services.stream()
			.filter((s) -> !s.spec().gateway())
			.allMatch((s) -> ready.contains(s.name()));
		for (ServiceProcess service : services) {
			if (ready.contains(service.name())) {
				continue;
			}
			if (!service.isAlive()) {
				throw new ServiceDied(service);
			}
			if (!service.spec().gateway() || backendsReady) {
				probes.put(service, readiness
					.probe(service.spec().gateway() ? service.spec().port() : service.spec().managementPort()));
			}
		}
		for (Map.Entry<ServiceProcess, CompletableFuture<Boolean>> probe : probes.entrySet()) {
			if (probe.getValue().join()) {
				ready.add(probe.getKey().name());
				progress(probe.getKey().name(), "http://localhost:" + probe.getKey().spec().port());
			}
		}
		return ready.size() == services.size();
	}

	/** A service process ended while the stack was starting. */
	private static final class ServiceDied extends RuntimeException {

		private final transient ServiceProcess service;

		ServiceDied(ServiceProcess service) {
			super(service.name() + " exited during startup");
			this.service = service;
		}

	}

	private void printTail(ServiceProcess service) {
		for (String line : service.tail(LOG_TAIL_LINES)) {
			Console.error("    " + line);
		}
	}

	private void watchServices() {
		for (ServiceProcess service : services) {
			service.handle().onExit().thenAccept((handle) -> {
				if (!stopping) {
					Console.error("cx: " + service.name() + " exited (exit code " + service.exitValue() + "); see "
							+ layout.root().relativize(service.log()) + " — the rest keeps running; Ctrl-C stops all");
				}
			});
		}
	}

	private void printBanner(OperatorCredentials operator) {
		Console.blank();
		Console.line("cx: %s ready in %.1f s", withServices ? "the local stack is" : "the infrastructure is",
				seconds());
		Console.blank();
		if (withServices) {
			Console.line("  Gateway            http://localhost:8080");
			Console.line("  Web console        http://localhost:8080/   (partners and operators; Japanese, English by the switch)");
		}
		if (withServices) {
			Console.line("  Actuator, metrics  http://localhost:9080-9085/actuator/prometheus   (public port + 1000)");
		}
		Console.line("  Mail (web + API)   http://localhost:8025");
		Console.line("  Kafka bootstrap    localhost:9092");
		Console.line("  MongoDB URI        mongodb://localhost:27017");
		Console.line("  Logs               %s/   (./cx logs <service>)", layout.root().relativize(layout.logsDir()));
		if (this.scale.scaled()) {
			for (ServiceProcess service : services) {
				if (service.spec().instance() > 1 || this.scale.of(service.spec().name()) > 1) {
					Console.line("  Instance           %-22s http://localhost:%d", service.name(), service.spec().port());
				}
			}
		}
		if (operator != null) {
			String note = switch (operator.source()) {
				case ENVIRONMENT -> "from CX_OPERATOR_PASSWORD";
				case FILE -> "kept in .cx/operator-password";
				case GENERATED -> "generated now, kept in .cx/operator-password";
			};
			Console.line("  Operator sign-in   login: %s   password: %s   (%s)", operator.login(), operator.password(),
					note);
			Console.blank();
			Console.line("  Walk through the main flows: ./cx demo   (in another terminal)");
		}
		Console.line("  Stop: Ctrl-C");
		Console.blank();
	}

	private void progress(String component, String where) {
		Console.line("  ✓ %-22s %-38s (%5.1f s)", component, where, seconds());
	}

	private double seconds() {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private long readyTimeoutSeconds() {
		String configured = env.get("CX_READY_TIMEOUT");
		try {
			return (configured == null || configured.isBlank()) ? 180 : Long.parseLong(configured.trim());
		}
		catch (NumberFormatException ex) {
			return 180;
		}
	}

	/** The shutdown hook: services first (they may still flush to Kafka and Mongo), then the infrastructure. */
	private void stopAll() {
		synchronized (this) {
			if (stopped) {
				return;
			}
			stopped = true;
		}
		stopping = true;
		Console.line("cx: stopping…");
		this.archives.stop();
		List<ProcessHandle> handles = new ArrayList<>();
		services.forEach((service) -> handles.add(service.handle()));
		if (this.redis != null) {
			handles.add(this.redis.toHandle());
		}
		if (!handles.isEmpty()) {
			Processes.stop(handles, STOP_GRACE);
		}
		closeQuietly(mail);
		closeQuietly(store);
		closeQuietly(broker);
		try {
			pids.delete();
		}
		catch (IOException ignored) {
			// best effort
		}
		Console.line("cx: stopped.");
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				Console.error("cx: " + ex);
			}
		}
	}

}
