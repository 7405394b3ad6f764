package jp.nop.cx.localstack.supervisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code .cx/pids}: one line per process the launcher owns, {@code <pid> <name> <marker>}, the
 * launcher itself first. The marker is a string its command line must contain (the jar path), so a
 * recycled PID is never killed by mistake.
 */
public final class PidFile {

	public static final String LAUNCHER = "launcher";

	private final Path file;

	private final List<Entry> entries = new ArrayList<>();

	public PidFile(Path file) {
		this.file = file;
	}

	/** One owned process. */
	public record Entry(long pid, String name, String marker) {

		/** The live process, if it still runs and is still ours (its command line has the marker). */
		public Optional<ProcessHandle> live() {
			return ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter((handle) -> commandLine(handle).contains(marker));
		}

	}

	public static List<Entry> read(Path file) throws IOException {
		List<Entry> result = new ArrayList<>();
		if (!Files.isRegularFile(file)) {
			return result;
		}
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String[] parts = line.trim().split(" ", 3);
			if (parts.length == 3) {
				try {
					result.add(new Entry(Long.parseLong(parts[0]), parts[1], parts[2]));
				}
				catch (NumberFormatException ignored) {
					// not one of ours
				}
			}
		}
		return result;
	}

	public synchronized void add(long pid, String name, String marker) throws IOException {
		entries.add(new Entry(pid, name, marker));
		write();
	}

	public synchronized void delete() throws IOException {
		entries.clear();
		Files.deleteIfExists(file);
	}

	private void write() throws IOException {
		StringBuilder text = new StringBuilder();
		for (Entry entry : entries) {
			text.append(entry.pid()).append(' ').append(entry.name()).append(' ').append(entry.marker()).append('\n');
		}
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		Files.writeString(tmp, text, StandardCharsets.UTF_8);
		Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** The full command line of a process ("" if unknown). */
	static String commandLine(ProcessHandle handle) {
		Path proc = Path.of("/proc", String.valueOf(handle.pid()), "cmdline");
		if (Files.isReadable(proc)) {
			try {
				return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
			}
			catch (IOException ignored) {
				// fall through
			}
		}
		return handle.info().commandLine().orElse("");
	}

}
