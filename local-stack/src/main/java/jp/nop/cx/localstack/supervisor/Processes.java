package jp.nop.cx.localstack.supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stopping processes and their descendants: SIGTERM, a grace period, then SIGKILL. */
public final class Processes {

	private Processes() {
	}

	/** Stops all {@code handles} together, giving them {@code grace} in total to exit on SIGTERM. */
	public static void stop(Collection<ProcessHandle> handles, Duration grace) {
		List<ProcessHandle> all = new ArrayList<>();
		for (ProcessHandle handle : handles) {
			all.add(handle);
			handle.descendants().forEach(all::add);
		}
		for (ProcessHandle handle : all) {
			handle.destroy();
		}
		long deadline = System.nanoTime() + grace.toNanos();
		for (ProcessHandle handle : all) {
			long left = deadline - System.nanoTime();
			if (left > 0) {
				try {
					handle.onExit().get(left, TimeUnit.NANOSECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
				catch (Exception ignored) {
					// timed out: killed below
				}
			}
		}
		for (ProcessHandle handle : all) {
			if (handle.isAlive()) {
				handle.destroyForcibly();
			}
		}
		for (ProcessHandle handle : all) {
			try {
				handle.onExit().get(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ignored) {
				// nothing more we can do
			}
		}
	}

}
