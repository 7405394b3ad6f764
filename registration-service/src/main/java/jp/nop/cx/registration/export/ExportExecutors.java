package jp.nop.cx.registration.export;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads of the backup export, with the trace context carried into them. Held here rather
 * than exposed as {@code Executor} beans, which would make Boot drop its own task executor.
 */
@Component
class ExportExecutors implements DisposableBean {

	private final ExecutorService fanOut;

	private final ExecutorService calls;

	ExportExecutors() {
		ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
		// Bounded and without a queue: when every thread is busy an export is refused (503), not queued.
		this.fanOut = ContextExecutorService.wrap(new ThreadPoolExecutor(4, 32, 60, TimeUnit.SECONDS,
				new SynchronousQueue<>(), daemon("export-fan-out-")), snapshots);
		// The time limiter's threads: each waits at most the time limit.
		this.calls = ContextExecutorService.wrap(Executors.newCachedThreadPool(daemon("export-call-")), snapshots);
	}

	/** Where the services are asked at the same time. */
	ExecutorService fanOut() {
		return this.fanOut;
	}

	/** Where each time-limited call runs. */
	ExecutorService calls() {
		return this.calls;
	}

	@Override
	public void destroy() {
		this.fanOut.shutdownNow();
		this.calls.shutdownNow();
	}

	private static ThreadFactory daemon(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
