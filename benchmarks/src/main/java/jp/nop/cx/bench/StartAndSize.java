package jp.nop.cx.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.nop.cx.localstack.supervisor.ClassDataArchives;

/**
 * SPEC section 7, start and size: each process the launcher owns ({@code .cx/pids}), its start
 * until Spring Boot's "Started … (process running for N)" line in its log (the JVM's own start
 * included), its resident memory from {@code /proc/<pid>/status} (read after the fan-out), and its
 * JVM options from {@code /proc/<pid>/cmdline}.
 */
final class StartAndSize {

	private static final Pattern STARTED = Pattern.compile("Started \\S+ in [\\d.]+ seconds \\(process running for ([\\d.]+)\\)");

	/** One service process; {@code readySeconds} is NaN when its log has no start line. */
	record Service(String name, long pid, double readySeconds, double rssMb, List<String> jvmOptions) {
	}

	static List<Service> read(Path root) throws IOException {
		Path pids = root.resolve(".cx").resolve("pids");
		List<Service> services = new ArrayList<>();
		if (!Files.isRegularFile(pids)) {
			return services;
		}
		for (String line : Files.readAllLines(pids, StandardCharsets.UTF_8)) {
			String[] parts = line.trim().split(" ", 3);
			if (parts.length < 2 || parts[1].equals("launcher")) {
				continue;
			}
			long pid = Long.parseLong(parts[0]);
			Path proc = Path.of("/proc", parts[0]);
			if (!Files.isDirectory(proc)) {
				continue;
			}
			services.add(new Service(parts[1], pid, readySeconds(root.resolve(".cx").resolve("logs").resolve(parts[1] + ".log")),
					rssMb(proc), jvmOptions(proc)));
		}
		return services;
	}

	private static double readySeconds(Path log) throws IOException {
		if (!Files.isRegularFile(log)) {
			return Double.NaN;
		}
		double last = Double.NaN;
		try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
			for (String line : (Iterable<String>) lines::iterator) {
				Matcher started = STARTED.matcher(line);
				if (started.find()) {
					last = Double.parseDouble(started.group(1));
				}
			}
		}
		catch (java.io.UncheckedIOException ex) {
			return last;
		}
		return last;
	}

	private static double rssMb(Path proc) throws IOException {
		for (String line : Files.readAllLines(proc.resolve("status"), StandardCharsets.UTF_8)) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
			}
		}
		return Double.NaN;
	}

	private static List<String> jvmOptions(Path proc) throws IOException {
		return jvmOptions(new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\0"));
	}

	/**
	 * The JVM's own options between the java executable and {@code -jar}, and the server's worker
	 * count, which sizes threads and heap as much as they do; not the per-instance ports and addresses.
	 */
	static List<String> jvmOptions(String[] commandLine) {
		List<String> options = new ArrayList<>();
		for (String arg : Arrays.asList(commandLine).subList(1, commandLine.length)) {
			if (arg.equals("-jar")) {
				break;
			}
			if (arg.startsWith(ClassDataArchives.SHARING_OPTION)) {
				// one file per service: named, the services' options would no longer group
				options.add(ClassDataArchives.SHARING_OPTION + ".cx/cds/<service>/app.jsa");
			}
			else if (arg.startsWith("-X") || arg.startsWith("-Dserver.tomcat.threads.")) {
				options.add(arg);
			}
		}
		return options;
	}
}
