package jp.nop.cx.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * How much CPU a JVM's JIT compiler threads have used, from {@code /proc/<pid>/task/*}: the
 * threads HotSpot names "C1 CompilerThre…" and "C2 CompilerThre…". While they still work, a
 * throughput figure measures compilation, not the code.
 */
final class JitActivity {

	/** Clock ticks per second of {@code /proc}'s times (USER_HZ, 100 on Linux). */
	private static final long TICKS_PER_SECOND = 100;

	private JitActivity() {
	}

	/** Milliseconds of CPU of the compiler threads of {@code pid} so far; -1 where /proc cannot tell. */
	static long compilerMillis(long pid) {
		Path tasks = Path.of("/proc", Long.toString(pid), "task");
		long ticks = 0;
		try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
			for (Path thread : threads) {
				try {
					String stat = Files.readString(thread.resolve("stat"), StandardCharsets.UTF_8);
					if (isCompiler(stat)) {
						ticks += cpuTicks(stat);
					}
				}
				catch (NoSuchFileException ended) {
					// A thread that ended between the listing and the read.
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		return ticks * 1000 / TICKS_PER_SECOND;
	}

	/** Whether a {@code /proc/…/stat} line is a HotSpot compiler thread's. */
	static boolean isCompiler(String stat) {
		int open = stat.indexOf('(');
		int close = stat.lastIndexOf(')');
		if (open < 0 || close < open) {
			return false;
		}
		String name = stat.substring(open + 1, close);
		return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
	}

	/** utime + stime of a {@code /proc/…/stat} line (fields 14 and 15; the name may hold spaces). */
	static long cpuTicks(String stat) {
		String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		// after[0] is field 3 (state): utime (14) and stime (15) are after[11] and after[12].
		return Long.parseLong(after[11]) + Long.parseLong(after[12]);
	}
}
