package jp.nop.cx.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jp.nop.cx.localstack.Layout;
import jp.nop.cx.localstack.supervisor.ClassDataArchives;

/**
 * SPEC section 7, start: each service started once more on its own, beside the running stack, on
 * free ports with the running instance's command line and environment, timed from the process's
 * start until its readiness probe answers 200, then stopped. Three ways, one after the other:
 * JDK 17 from the Boot jar without an archive; JDK 17 with the class-data-sharing archive, as
 * {@code ./cx up} starts it (its own archive and extracted jar, or, where it runs without one, an
 * archive trained here the same way, {@link ClassDataArchives}); JDK 25 with an AOT cache of the
 * same extracted jar. Archive and cache as Spring Boot documents them: one training run that
 * exits once the context is refreshed ({@code -Dspring.context.exit=onRefresh}) and writes them,
 * then the timed run.
 */
final class StartAlone {

	/** Seconds to ready and resident MB at that moment; NaN where the way is not available. */
	record Start(double readySeconds, double rssMb) {

		static final Start NONE = new Start(Double.NaN, Double.NaN);
	}

	/** {@code stackShares}: whether {@code ./cx up} started it with its archive (else from the Boot jar). */
	record Figures(String service, Start jdk17, Start jdk17Cds, Start jdk25Aot, boolean stackShares) {

		/** The start of the way {@code ./cx up} starts it. */
		Start asInStack() {
			return this.stackShares ? this.jdk17Cds : this.jdk17;
		}
	}

	private static final Duration READY_WITHIN = Duration.ofMinutes(3);

	private final Path dir;

	private final Api api;

	private final String jdk25;

	StartAlone(Path benchDir, Api api) {
		this.dir = benchDir.resolve("start");
		this.api = api;
		this.jdk25 = jdk25();
	}

	/** The java of a JDK 25 or later: {@code CX_BENCH_JDK25}, else the first under /usr/lib/jvm; null if none. */
	private static String jdk25() {
		return jdk25(System.getenv("CX_BENCH_JDK25"), Path.of("/usr/lib/jvm"));
	}

	static String jdk25(String configured, Path jvms) {
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured, "bin", "java").toString();
		}
		try (Stream<Path> jdks = Files.list(jvms)) {
			return jdks.filter((p) -> p.getFileName().toString().matches(".*-2[5-9]-.*|.*-2[5-9]"))
				.map((p) -> p.resolve("bin").resolve("java"))
				.filter(Files::isExecutable)
				.sorted(Comparator.reverseOrder())
				.map(Path::toString)
				.findFirst()
				.orElse(null);
		}
		catch (IOException ex) {
			return null;
		}
	}

	String jdk25Description() {
		return (jdk25 == null) ? "none found (set CX_BENCH_JDK25)" : Path.of(jdk25).getParent().getParent().toString();
	}

	List<Figures> run(List<StartAndSize.Service> running) throws Exception {
		List<Figures> figures = new ArrayList<>();
		for (StartAndSize.Service service : running) {
			if (service.name().matches(".*-\\d+$")) {
				continue; // a further instance of a scaled service: its first one stands for it
			}
			Template template = Template.of(service.pid());
			Path home = dir.resolve(service.name());
			deleteTree(home);
			Files.createDirectories(home);
			Path bootJar = template.bootJar(service.name());
			Start jdk17 = timed(service.name() + " (JDK 17)", template.command(template.java(), List.of(), bootJar), home);
			// ./cx up's own archive and extracted jar where it runs with one; else trained here as it would.
			Path extracted = template.jar();
			Path jsa = template.archive();
			if (jsa == null) {
				extracted = ClassDataArchives.extract(template.java(), bootJar, home.resolve("extracted"),
						home.resolve("extract.log"), Duration.ofMinutes(2));
				jsa = home.resolve("app.jsa");
				trained(service.name() + " (CDS training)", template.command(template.java(),
						ClassDataArchives.trainingOptions(jsa), extracted), jsa, home);
			}
			Start cds = Files.isRegularFile(jsa) ? timed(service.name() + " (JDK 17 + CDS)",
					template.command(template.java(), List.of(ClassDataArchives.sharingOption(jsa)), extracted), home)
					: Start.NONE;
			Start aot = Start.NONE;
			if (jdk25 != null) {
				Path cache = home.resolve("app.aot");
				trained(service.name() + " (AOT training)", template.command(jdk25,
						List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh"), extracted), cache, home);
				if (Files.isRegularFile(cache)) {
					aot = timed(service.name() + " (JDK 25 + AOT cache)",
							template.command(jdk25, List.of("-XX:AOTCache=" + cache), extracted), home);
				}
			}
			Bench.progress("start alone: %s: JDK 17 %.1f s, JDK 17 + CDS %.1f s, JDK 25 + AOT %.1f s", service.name(),
					jdk17.readySeconds(), cds.readySeconds(), aot.readySeconds());
			figures.add(new Figures(service.name(), jdk17, cds, aot, template.archive() != null));
		}
		return figures;
	}

	private Start timed(String what, Launch launch, Path home) throws Exception {
		long start = System.nanoTime();
		Process process = launch.start(home.resolve(safe(what) + ".log"));
		try {
			String probe = "http://127.0.0.1:" + launch.managementPort() + "/actuator/health/readiness";
			boolean ready = Partners.poll(READY_WITHIN, Duration.ofMillis(50),
					() -> !process.isAlive() || api.status(probe, null) == 200);
			if (!ready || !process.isAlive()) {
				Bench.progress("start alone: %s did not get ready (see %s)", what, home);
				return Start.NONE;
			}
			return new Start((System.nanoTime() - start) / 1e9, rssMb(process.pid()));
		}
		finally {
			stop(process);
		}
	}

	private void trained(String what, Launch launch, Path output, Path home) throws Exception {
		ClassDataArchives.train(launch.builder(home.resolve(safe(what) + ".log")), output, READY_WITHIN)
			.ifPresent((failure) -> Bench.progress("start alone: %s: %s (see %s)", what, failure, home));
	}

	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static double rssMb(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
			}
		}
		return Double.NaN;
	}

	private static String safe(String what) {
		return what.replaceAll("[^A-Za-z0-9.+-]+", "-");
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * A running instance's command line, environment and directory, read from /proc; its
	 * class-data archive ({@code ./cx up} maps one, ADR 0024) apart from its options, null if none.
	 */
	record Template(String java, List<String> options, Path archive, Path jar, Map<String, String> environment,
			File directory) {

		static Template of(long pid) throws IOException {
			Path proc = Path.of("/proc", Long.toString(pid));
			return of(pid, Files.readAllBytes(proc.resolve("cmdline")), Files.readAllBytes(proc.resolve("environ")),
					proc.resolve("cwd").toRealPath().toFile());
		}

		/** From the contents of /proc/<pid>/cmdline and environ (NUL-separated) and its working directory. */
		static Template of(long pid, byte[] cmdline, byte[] environ, File directory) {
			String[] args = new String(cmdline, StandardCharsets.UTF_8).split("\0");
			List<String> options = new ArrayList<>();
			Path archive = null;
			Path jar = null;
			for (int i = 1; i < args.length; i++) {
				if (args[i].equals("-jar") && i + 1 < args.length) {
					jar = Path.of(args[i + 1]);
					break;
				}
				if (args[i].startsWith(ClassDataArchives.SHARING_OPTION)) {
					archive = Path.of(args[i].substring(ClassDataArchives.SHARING_OPTION.length()));
					continue;
				}
				options.add(args[i]);
			}
			if (jar == null) {
				throw new IllegalStateException("process " + pid + " was not started with -jar");
			}
			Map<String, String> environment = new LinkedHashMap<>();
			for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
				int equals = entry.indexOf('=');
				if (equals > 0) {
					environment.put(entry.substring(0, equals), entry.substring(equals + 1));
				}
			}
			return new Template(args[0], options,
					(archive == null || archive.isAbsolute()) ? archive : directory.toPath().resolve(archive),
					jar.isAbsolute() ? jar : directory.toPath().resolve(jar), environment, directory);
		}

		/** The Boot jar: the one it runs, or, when it runs the extracted one, the stack's jar of the service. */
		Path bootJar(String service) {
			if (this.archive == null) {
				return this.jar;
			}
			Layout.ServiceSpec spec = Layout.SERVICES.stream()
				.filter((s) -> s.name().equals(service))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no service " + service + " in the stack's layout"));
			return new Layout(this.directory.toPath()).jar(spec);
		}

		/** This instance's command with its own free ports, the given java, extra options and jar. */
		Launch command(String javaExecutable, List<String> extra, Path jarToRun) throws IOException {
			int port = freePort();
			int managementPort = freePort();
			List<String> command = new ArrayList<>();
			command.add(javaExecutable);
			for (String option : options) {
				if (option.startsWith("-Dserver.port=")) {
					command.add("-Dserver.port=" + port);
				}
				else if (option.startsWith("-Dmanagement.server.port=")) {
					command.add("-Dmanagement.server.port=" + managementPort);
				}
				else {
					command.add(option);
				}
			}
			command.addAll(extra);
			command.add("-jar");
			command.add(jarToRun.toString());
			return new Launch(command, environment, directory, managementPort);
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
		}
	}

	record Launch(List<String> command, Map<String, String> environment, File directory, int managementPort) {

		Process start(Path log) throws IOException {
			return builder(log).start();
		}

		ProcessBuilder builder(Path log) {
			ProcessBuilder builder = new ProcessBuilder(command).directory(directory)
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().clear();
			builder.environment().putAll(environment);
			return builder;
		}
	}
}
