package jp.nop.cx.localstack.supervisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The class-data-sharing archives the services start with (SPEC section 7, ready within 10 s on
 * JDK 17; ADR 0024): under {@code .cx/cds/<service>/} the Boot jar extracted (CDS maps classes
 * from plain jars only, not from jars nested in a jar) and a dynamic archive written by one
 * training run that exits once the Spring context is refreshed. An archive is used only while its
 * key still holds: the same jar (path, size, modification time) and the same JDK (version and
 * build); anything else is trained again. Plain JDK classes only: the benchmarks use the extraction
 * and the training too.
 */
public final class ClassDataArchives {

	/** {@code CX_CDS=off} starts every service from its Boot jar, without an archive. */
	public static final String SWITCH = "CX_CDS";

	public static final String TRAINING_LOG = "training.log";

	/** Two trainings at a time: the machines this runs on have two cores (SPEC section 7). */
	public static final int PARALLEL_TRAININGS = 2;

	private static final String KEY_FILE = "key";

	private static final String ARCHIVE_FILE = "app.jsa";

	private static final String EXTRACTED_DIR = "extracted";

	private final Path dir;

	private final Jdk jdk;

	private final Duration timeout;

	private final Set<Process> trainings = ConcurrentHashMap.newKeySet();

	private volatile boolean stopped;

	/**
	 * @param dir {@code .cx/cds}
	 * @param jdk the JDK the services run on (its executable runs the extraction and the training)
	 * @param timeout for each extraction and each training
	 */
	public ClassDataArchives(Path dir, Jdk jdk, Duration timeout) {
		this.dir = dir;
		this.jdk = jdk;
		this.timeout = timeout;
	}

	/** Whether the services get archives: unless {@code CX_CDS} is {@code off} (or {@code false}). */
	public static boolean enabled(Map<String, String> env) {
		String value = env.get(SWITCH);
		return value == null || !Set.of("off", "false", "0", "no").contains(value.strip().toLowerCase(Locale.ROOT));
	}

	/** The options of a training run: write the archive at exit, exit once the context is refreshed. */
	public static List<String> trainingOptions(Path archive) {
		return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh");
	}

	/** The option that maps an archive, up to its file name. */
	public static final String SHARING_OPTION = "-XX:SharedArchiveFile=";

	public static String sharingOption(Path archive) {
		return SHARING_OPTION + archive;
	}

	/**
	 * A service's own options for its training run: the same, but on ports the system picks, so
	 * the training never meets the stack's ports (it exits before listening, but that is Spring's
	 * business, not ours to rely on).
	 */
	static List<String> trainingPorts(List<String> options) {
		List<String> result = new ArrayList<>();
		for (String option : options) {
			if (option.startsWith("-Dserver.port=")) {
				result.add("-Dserver.port=0");
			}
			else if (option.startsWith("-Dmanagement.server.port=")) {
				result.add("-Dmanagement.server.port=0");
			}
			else {
				result.add(option);
			}
		}
		return result;
	}

	/**
	 * The JDK an archive belongs to. A dynamic archive sits on the JDK's own base archive, so one
	 * from another version, or another build of the same version, is never used: {@code build}
	 * is the size and modification time of {@code libjvm.so}, which a rebuilt or reinstalled JDK
	 * changes even where its version string stays.
	 */
	public record Jdk(String executable, String version, String build) {

		/** The JDK of this process, which the launcher starts the services with. */
		public static Jdk current() {
			Path home = Path.of(System.getProperty("java.home"));
			return new Jdk(ServiceProcess.javaExecutable(),
					System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version") + " (" + home + ")",
					fileStamp(home.resolve("lib").resolve("server").resolve("libjvm.so")));
		}

		private static String fileStamp(Path file) {
			try {
				return Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
			}
			catch (IOException ex) {
				return "unknown";
			}
		}
	}

	/** What an archive was built from; the archive is current while this is unchanged. */
	record Key(Path jar, long size, long modified, Jdk jdk) {

		static Key of(Path jar, Jdk jdk) throws IOException {
			Path absolute = jar.toAbsolutePath().normalize();
			return new Key(absolute, Files.size(absolute), Files.getLastModifiedTime(absolute).toMillis(), jdk);
		}

		String text() {
			return "jar=" + this.jar + "\njar.size=" + this.size + "\njar.modified=" + this.modified + "\njava="
					+ this.jdk.executable() + "\njava.version=" + this.jdk.version() + "\njava.build=" + this.jdk.build()
					+ "\n";
		}
	}

	/**
	 * How a service JVM is started: from its Boot jar ({@code archive} null), or from the extracted
	 * jar with its archive.
	 */
	public record Launch(Path jar, Path archive) {

		public static Launch plain(Path bootJar) {
			return new Launch(bootJar, null);
		}

		public boolean shared() {
			return this.archive != null;
		}

		/** The option that maps the archive, if any: first, so options given by hand still win. */
		public List<String> options() {
			return shared() ? List.of(sharingOption(this.archive)) : List.of();
		}
	}

	/** One service to train: its Boot jar, its JVM options, environment and working directory as it starts. */
	public record Training(String service, Path bootJar, List<String> options, Map<String, String> env, Path workDir) {
	}

	/** The outcome of one training: the launch to use and, where that is the Boot jar, why. */
	public record Outcome(String service, Launch launch, String failure, Path log) {

		public boolean shared() {
			return this.launch.shared();
		}
	}

	public Path home(String service) {
		return this.dir.resolve(service);
	}

	/** The extracted jar and archive of a service if its key still holds; none where they cannot be read. */
	public Optional<Launch> current(String service, Path bootJar) {
		Path home = home(service);
		Path keyFile = home.resolve(KEY_FILE);
		Launch launch = new Launch(home.resolve(EXTRACTED_DIR).resolve(bootJar.getFileName()), home.resolve(ARCHIVE_FILE));
		try {
			if (!Files.isRegularFile(keyFile) || !Files.isRegularFile(bootJar) || !Files.isRegularFile(launch.jar())
					|| !nonEmpty(launch.archive())) {
				return Optional.empty();
			}
			String stored = Files.readString(keyFile, StandardCharsets.UTF_8);
			return stored.equals(Key.of(bootJar, this.jdk).text()) ? Optional.of(launch) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** Trains every one of them, {@link #PARALLEL_TRAININGS} at a time; never throws for a failed training. */
	public List<Outcome> trainAll(List<Training> trainingList) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_TRAININGS, (task) -> {
			Thread thread = new Thread(task, "cx-cds-training");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<Outcome>> futures = new ArrayList<>();
			for (Training training : trainingList) {
				futures.add(pool.submit(() -> train(training)));
			}
			List<Outcome> outcomes = new ArrayList<>();
			for (int i = 0; i < futures.size(); i++) {
				Training training = trainingList.get(i);
				try {
					outcomes.add(futures.get(i).get());
				}
				catch (ExecutionException ex) {
					outcomes.add(new Outcome(training.service(), Launch.plain(training.bootJar()), String.valueOf(ex.getCause()),
							home(training.service()).resolve(TRAINING_LOG)));
				}
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Extracts the jar and runs the training with the service's own options, environment and
	 * working directory (its context is refreshed against the running broker and store), then
	 * writes the key. The key is read before extracting: a jar replaced meanwhile is trained again
	 * next time.
	 */
	public Outcome train(Training training) {
		Path home = home(training.service());
		Path log = home.resolve(TRAINING_LOG);
		Launch plain = Launch.plain(training.bootJar());
		try {
			Key key = Key.of(training.bootJar(), this.jdk);
			deleteTree(home);
			Files.createDirectories(home);
			Path jar = extract(this.jdk.executable(), training.bootJar(), home.resolve(EXTRACTED_DIR),
					home.resolve("extract.log"), this.timeout);
			Path archive = home.resolve(ARCHIVE_FILE);
			List<String> command = new ArrayList<>();
			command.add(this.jdk.executable());
			command.addAll(trainingPorts(training.options()));
			command.addAll(trainingOptions(archive));
			command.add("-jar");
			command.add(jar.toString());
			ProcessBuilder builder = new ProcessBuilder(command).directory(training.workDir().toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(training.env());
			Optional<String> failure = run(builder, archive);
			if (failure.isPresent()) {
				Files.deleteIfExists(archive);
				return new Outcome(training.service(), plain, failure.get(), log);
			}
			Files.writeString(home.resolve(KEY_FILE), key.text(), StandardCharsets.UTF_8);
			return new Outcome(training.service(), new Launch(jar, archive), null, log);
		}
		catch (IOException ex) {
			return new Outcome(training.service(), plain, ex.getMessage(), Files.exists(log) ? log : home.resolve("extract.log"));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(training.service(), plain, "interrupted", log);
		}
	}

	private Optional<String> run(ProcessBuilder builder, Path output) throws IOException, InterruptedException {
		if (this.stopped) {
			return Optional.of("stopped");
		}
		Process process = builder.start();
		this.trainings.add(process);
		try {
			if (this.stopped) {
				process.destroyForcibly();
			}
			return awaitTraining(process, output, this.timeout);
		}
		finally {
			this.trainings.remove(process);
		}
	}

	/** Ends the trainings still running (Ctrl-C while they run); none starts afterwards. */
	public void stop() {
		this.stopped = true;
		this.trainings.forEach(Process::destroyForcibly);
	}

	/**
	 * Spring Boot's jar tools ({@code -Djarmode=tools extract}): the application jar with its
	 * libraries beside it, as CDS needs them. Returns the extracted application jar.
	 */
	public static Path extract(String java, Path bootJar, Path destination, Path log, Duration timeout)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(java, "-Djarmode=tools", "-jar", bootJar.toString(), "extract", "--destination",
				destination.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		process.getOutputStream().close();
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly().waitFor();
			throw new IOException("extracting " + bootJar.getFileName() + " took longer than " + timeout.toSeconds() + " s");
		}
		Path jar = destination.resolve(bootJar.getFileName());
		if (process.exitValue() != 0 || !Files.isRegularFile(jar)) {
			throw new IOException("extracting " + bootJar.getFileName() + " failed (exit code " + process.exitValue() + ")");
		}
		return jar;
	}

	/** Starts a training run and waits for it: empty when it ended well and wrote {@code output}, else why not. */
	public static Optional<String> train(ProcessBuilder training, Path output, Duration timeout)
			throws IOException, InterruptedException {
		return awaitTraining(training.start(), output, timeout);
	}

	private static Optional<String> awaitTraining(Process process, Path output, Duration timeout)
			throws InterruptedException, IOException {
		process.getOutputStream().close();
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			// Forcibly: a JVM ended by SIGTERM still writes its archive, of a half-started context.
			process.destroyForcibly().waitFor();
			Files.deleteIfExists(output);
			return Optional.of("the training run did not end within " + timeout.toSeconds() + " s");
		}
		if (process.exitValue() != 0) {
			return Optional.of("the training run ended with exit code " + process.exitValue());
		}
		if (!nonEmpty(output)) {
			return Optional.of("the training run wrote no " + output.getFileName());
		}
		return Optional.empty();
	}

	private static boolean nonEmpty(Path file) throws IOException {
		return Files.isRegularFile(file) && Files.size(file) > 0;
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

}
