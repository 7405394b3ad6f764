package jp.nop.cx.localstack.supervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jp.nop.cx.localstack.Console;
import jp.nop.cx.localstack.Layout;

/**
 * Processes listed in {@code .cx/pids} by a launcher that is gone (SIGKILL, crash): {@code ./cx up}
 * stops them before its port check; {@code ./cx down} also stops a running launcher first.
 */
public final class Leftovers {

	private Leftovers() {
	}

	/** Stops services left by a dead launcher; does nothing while that launcher still runs. */
	public static void stop(Layout layout) throws IOException {
		List<PidFile.Entry> entries = PidFile.read(layout.pidsFile());
		if (entries.isEmpty()) {
			return;
		}
		if (runningLauncher(entries).isPresent()) {
			return;
		}
		stopChildren(entries);
		Files.deleteIfExists(layout.pidsFile());
	}

	/** {@code ./cx down}: asks a running launcher to stop (SIGTERM), then stops whatever remains. */
	public static int down(Layout layout) throws IOException {
		List<PidFile.Entry> entries = PidFile.read(layout.pidsFile());
		Optional<ProcessHandle> launcher = runningLauncher(entries);
		boolean any = false;
		if (launcher.isPresent()) {
			any = true;
			Console.line("cx: stopping ./cx up (pid %d)…", launcher.get().pid());
			launcher.get().destroy();
			try {
				launcher.get().onExit().get(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (Exception ex) {
				Console.line("cx: the launcher did not stop within 60 s; killing it");
				launcher.get().destroyForcibly();
			}
		}
		any |= stopChildren(entries);
		Files.deleteIfExists(layout.pidsFile());
		Console.line(any ? "cx: stopped." : "cx: nothing to stop.");
		return 0;
	}

	private static Optional<ProcessHandle> runningLauncher(List<PidFile.Entry> entries) {
		long self = ProcessHandle.current().pid();
		return entries.stream()
			.filter((entry) -> entry.name().equals(PidFile.LAUNCHER) && entry.pid() != self)
			.findFirst()
			.flatMap(PidFile.Entry::live);
	}

	private static boolean stopChildren(List<PidFile.Entry> entries) {
		List<ProcessHandle> live = new ArrayList<>();
		for (PidFile.Entry entry : entries) {
			if (entry.name().equals(PidFile.LAUNCHER)) {
				continue;
			}
			entry.live().ifPresent((handle) -> {
				Console.line("cx: stopping %s (pid %d) left from an earlier run", entry.name(), entry.pid());
				live.add(handle);
			});
		}
		if (!live.isEmpty()) {
			Processes.stop(live, Duration.ofSeconds(10));
		}
		return !live.isEmpty();
	}

}
