package jp.nop.cx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The fallback load generator where wrk is not installed: one platform thread per connection
 * (JDK 17 has no virtual threads), each sending the next token's GET as soon as the last answered.
 */
final class JvmLoad implements Load {

	private final Api api;

	private final List<String> tokens;

	JvmLoad(Api api, List<String> tokens) {
		this.api = api;
		this.tokens = tokens;
	}

	@Override
	public String describe() {
		return "wrk not installed: a JVM client (java.net.http, one platform thread per connection), tokens rotated per request";
	}

	@Override
	public Wrk.Result run(String url, int connections, int seconds) throws Exception {
		Histogram latency = new ConcurrentHistogram(3);
		AtomicLong requests = new AtomicLong();
		AtomicLong socketErrors = new AtomicLong();
		AtomicLong non2xx = new AtomicLong();
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		ExecutorService threads = Executors.newFixedThreadPool(connections);
		List<Future<?>> loops = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			int first = c;
			loops.add(threads.submit(() -> {
				int next = first;
				while (System.nanoTime() < end) {
					long sent = System.nanoTime();
					int status = api.status(url, tokens.get(next++ % tokens.size()));
					latency.recordValue((System.nanoTime() - sent) / 1000);
					requests.incrementAndGet();
					if (status < 0) {
						socketErrors.incrementAndGet();
					}
					else if (status < 200 || status >= 400) {
						non2xx.incrementAndGet();
					}
				}
			}));
		}
		for (Future<?> loop : loops) {
			loop.get();
		}
		threads.shutdown();
		return new Wrk.Result(requests.get(), (System.nanoTime() - start) / 1e9, socketErrors.get(), non2xx.get(),
				latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0);
	}
}
