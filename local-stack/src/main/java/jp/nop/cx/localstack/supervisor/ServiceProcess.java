package jp.nop.cx.localstack.supervisor;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jp.nop.cx.localstack.Layout;

/** One service JVM started by the launcher, its output appended to {@code .cx/logs/<name>.log}. */
public final class ServiceProcess {

	private static final long ROTATE_BYTES = 20L * 1024 * 1024;

	private final Layout.ServiceSpec spec;

	private final Path jar;

	private final Path log;

	private final long logStart;

	private final Process process;

	private ServiceProcess(Layout.ServiceSpec spec, Path jar, Path log, long logStart, Process process) {
		this.spec = spec;
		this.jar = jar;
		this.log = log;
		this.logStart = logStart;
		this.process = process;
	}

	/** The JVM options every service gets (CX_SERVICE_JAVA_OPTS is appended and wins). */
	static List<String> jvmOptions(Layout.ServiceSpec spec, Map<String, String> env) {
		List<String> options = new ArrayList<>();
		// C1 only starts a JVM sooner and keeps it smaller (no C2 compiler threads and code), which
		// is what six JVMs on a developer's laptop need (SPEC section 7: ready <= 10 s, RSS <= 300 MB).
		// The gateway alone gets full tiered compilation: every request passes it, so its
		// throughput is the stack's (gateway/direct >= 0.5), and C2's inlining and intrinsics
		// (BigInteger for RSA among them) only exist there. Measured in docs/benchmarks.md.
		if (!spec.gateway()) {
			options.add("-XX:TieredStopAtLevel=1");
		}
		// Serial for the services: least memory and CPU on two cores. G1 for the gateway: under
		// load it promoted request garbage early and Serial collected its old generation every
		// ~25 s, 240 ms each with every request waiting (14 in one ./cx bench), the p99 of every
		// latency measured through it; G1 collects the old generation alongside, in short pauses.
		if (spec.gateway()) {
			options.addAll(List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50"));
			// G1 keeps the heap a load grew it to (540 MB resident a minute after 40 s of load); a
			// collection after 15 s without one, and at most 30 % of the heap free after it, give it
			// back once the gateway is idle (330 MB). Under load collections come sooner anyway.
			options.addAll(List.of("-XX:G1PeriodicGCInterval=15000", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"));
		}
		else {
			options.add("-XX:+UseSerialGC");
		}
		options.addAll(List.of("-Xss512k", "-XX:MaxRAM=1g", spec.gateway() ? "-Xmx384m" : "-Xmx320m",
				"-Dfile.encoding=UTF-8", "-Dserver.port=" + spec.port(), "-Dmanagement.server.port=" + spec.managementPort(),
				"-Dmanagement.endpoint.health.probes.enabled=true"));
		if (!spec.gateway()) {
			// Reachable from this machine only: from outside, every request passes the gateway.
			options.add("-Dserver.address=127.0.0.1");
			options.add("-Dmanagement.server.address=127.0.0.1");
			// Tomcat's 200 workers are sized for slow backends on a large machine. Here six JVMs
			// share two cores: at 256 connections registration-service started 200 of them, each
			// request's garbage still live at a young collection overflowed the survivor space
			// into the old generation (a full collection, the old generation 124 MB instead of 80)
			// and RSS went 300 -> 365 MB, for no more requests a second than 32 workers serve
			// (1,230-1,520 either way, docs/benchmarks.md). Connections beyond them wait in the queue.
			options.add("-Dserver.tomcat.threads.max=32");
		}
		String extra = env.get("CX_SERVICE_JAVA_OPTS");
		if (extra != null && !extra.isBlank()) {
			options.addAll(Arrays.asList(extra.trim().split("\\s+")));
		}
		return options;
	}

	public static ServiceProcess start(Layout layout, Layout.ServiceSpec spec, Map<String, String> extraEnv)
			throws IOException {
		return start(layout, spec, extraEnv, List.of());
	}

	/** @param extraOptions JVM options for this process only (the gateway's instance lists) */
	public static ServiceProcess start(Layout layout, Layout.ServiceSpec spec, Map<String, String> extraEnv,
			List<String> extraOptions) throws IOException {
		return start(layout, spec, extraEnv, extraOptions,
				ClassDataArchives.Launch.plain(layout.jar(spec).toAbsolutePath()));
	}

	/** @param launch the Boot jar, or the extracted jar and its class-data archive */
	public static ServiceProcess start(Layout layout, Layout.ServiceSpec spec, Map<String, String> extraEnv,
			List<String> extraOptions, ClassDataArchives.Launch launch) throws IOException {
		Path jar = launch.jar();
		Path log = layout.log(spec.instanceName());
		Files.createDirectories(log.getParent());
		if (Files.exists(log) && Files.size(log) > ROTATE_BYTES) {
			Files.move(log, log.resolveSibling(spec.instanceName() + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
		}
		Files.writeString(log, "\n----- started by ./cx up at " + Instant.now() + " -----\n", StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		long logStart = Files.size(log);

		List<String> command = command(javaExecutable(), spec, System.getenv(), extraOptions, launch);
		ProcessBuilder builder = new ProcessBuilder(command).directory(layout.root().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(extraEnv);
		// glibc gives every thread that mallocs its own arena (up to 8 per core); a service's request
		// threads, Netty, the Mongo and Kafka clients left ~100 MB resident in a dozen arenas after
		// load (pmap, docs/benchmarks.md). Two arenas keep that near the live native memory.
		builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
		Process process = builder.start();
		process.getOutputStream().close();
		return new ServiceProcess(spec, jar, log, logStart, process);
	}

	/** The whole command line of a service JVM: java, the archive if any, the options, then the jar. */
	static List<String> command(String java, Layout.ServiceSpec spec, Map<String, String> env, List<String> extraOptions,
			ClassDataArchives.Launch launch) {
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(launch.options());
		command.addAll(jvmOptions(spec, env));
		command.addAll(extraOptions);
		command.add("-jar");
		command.add(launch.jar().toString());
		return command;
	}

	static String javaExecutable() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	public Layout.ServiceSpec spec() {
		return spec;
	}

	public String name() {
		return spec.instanceName();
	}

	public Path jar() {
		return jar;
	}

	public Path log() {
		return log;
	}

	public long pid() {
		return process.pid();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	public int exitValue() {
		return process.exitValue();
	}

	public ProcessHandle handle() {
		return process.toHandle();
	}

	/** The last {@code lines} lines this run wrote to the log. */
	public List<String> tail(int lines) {
		return tail(log, logStart, lines);
	}

	static List<String> tail(Path log, long from, int lines) {
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long length = file.length();
			long start = Math.max(from, length - 256 * 1024);
			byte[] bytes = new byte[(int) (length - start)];
			file.seek(start);
			file.readFully(bytes);
			List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
			return all.subList(Math.max(0, all.size() - lines), all.size());
		}
		catch (IOException ex) {
			return List.of("(cannot read " + log + ": " + ex.getMessage() + ")");
		}
	}

}
