package jp.nop.cx.bench;

import java.util.concurrent.CountDownLatch;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * SPEC section 7, overload: one partner sends 4× its sustainable rate (its rate limit) at a fixed
 * pace (open loop: a late answer does not slow the sender) to one route, while another partner uses
 * another route at a modest pace. Expected: the excess is refused with 429 at once, what the
 * limit allows (burst + rate × time) passes, and the other route sees no error and its usual latency.
 */
final class Overload {

	/**
	 * What happened: the loaded route's counts over {@code sendingSeconds} (first to last request
	 * sent) and the other route's latency before and during.
	 */
	record Outcome(int limitPerSecond, int burst, double seconds, double sendingSeconds, long sent, long accepted,
			long refused429, Map<Integer, Long> other, double refusedP99, double otherRouteP99Before,
			double otherRouteP99During, long otherRouteErrors) {

		/**
		 * The gateway's bucket (RateLimits) starts full with {@code burst} and gets {@code burst}
		 * more at each period boundary ({@code burst / limit} seconds apart): over the sending
		 * time, as many boundaries as fit, one fewer or one more by phase. An ideal token bucket
		 * ({@code burst + limit × time}) lies between the two.
		 */
		long allowedLow() {
			return burst + (long) Math.floor(sendingSeconds / period()) * burst;
		}

		long allowedHigh() {
			return burst + (long) Math.ceil(sendingSeconds / period()) * burst;
		}

		double period() {
			return (double) burst / limitPerSecond;
		}

		/** Accepted within 10 % of what the limit allows, nothing else refused, the other route unharmed. */
		boolean met() {
			return other.isEmpty() && otherRouteErrors == 0 && accepted >= 0.9 * allowedLow()
					&& accepted <= 1.1 * allowedHigh() && refusedP99 <= 100
					&& otherRouteP99During <= Math.max(50, 3 * otherRouteP99Before);
		}
	}

	private static final String LOADED = "/api/v1/partners/me";

	/**
	 * The partner's own login ID (identity-service): a read by ID. The inbox
	 * ({@code /api/v1/notifications/me}) was the other route before; after a fan-out it is three
	 * scans of every inbox item on the embedded store (40 ms each, idle), and 20 of them a second
	 * took the store's core: that measured the store, not whether the gateway keeps routes apart.
	 */
	private static final String OTHER = "/api/v1/identity/me";

	private final Stack stack;

	private final Api api;

	Overload(Stack stack, Api api) {
		this.stack = stack;
		this.api = api;
	}

	Outcome run(Partners.Partner loaded, Partners.Partner bystander, int limitPerSecond, int burst, int seconds)
			throws Exception {
		Histogram before = new ConcurrentHistogram(3);
		AtomicLong otherErrors = new AtomicLong();
		// The other route is warmed before its latency counts: its first seconds measured compiling
		// (p99 258 ms before the load, 139 ms during it, in a run of 2026-12-02).
		pace(stack.gateway() + OTHER, bystander.token(), 20, 5, new ConcurrentHistogram(3), null, null,
				new ConcurrentSkipListMap<>(), null);
		pace(stack.gateway() + OTHER, bystander.token(), 20, 5, before, null, null, new ConcurrentSkipListMap<>(), null);
		otherErrors.set(0);
		Histogram during = new ConcurrentHistogram(3);
		Histogram refusedLatency = new ConcurrentHistogram(3);
		AtomicLong accepted = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		Map<Integer, Long> other = new ConcurrentSkipListMap<>();
		CompletableFuture<Void> bystanderRun = CompletableFuture.runAsync(() -> {
			try {
				Map<Integer, Long> statuses = new ConcurrentSkipListMap<>();
				pace(stack.gateway() + OTHER, bystander.token(), 20, seconds, during, null, null, statuses, null);
				otherErrors.set(statuses.values().stream().mapToLong(Long::longValue).sum());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		long start = System.nanoTime();
		int rate = 4 * limitPerSecond;
		long sent = pace(stack.gateway() + LOADED, loaded.token(), rate, seconds, null, accepted, refused,
				other, refusedLatency);
		double elapsed = (System.nanoTime() - start) / 1e9;
		bystanderRun.join();
		return new Outcome(limitPerSecond, burst, elapsed, (sent - 1) / (double) rate, sent, accepted.get(),
				refused.get(), other,
				refusedLatency.getValueAtPercentile(99) / 1000.0, before.getValueAtPercentile(99) / 1000.0,
				during.getValueAtPercentile(99) / 1000.0, otherErrors.get());
	}

	/**
	 * Sends {@code rate} GETs a second for {@code seconds}, each on its own schedule; 2xx counts
	 * into {@code ok}, 429 into {@code refused} (latency into {@code refusedLatency}), anything else
	 * into {@code errors} by status (-1: no answer); every latency (µs) into {@code latency}.
	 */
	private long pace(String url, String token, int rate, int seconds, Histogram latency, AtomicLong ok,
			AtomicLong refused, Map<Integer, Long> errors, Histogram refusedLatency) throws InterruptedException {
		ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
		ConcurrentLinkedQueue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();
		long total = (long) rate * seconds;
		AtomicLong fired = new AtomicLong();
		CountDownLatch allFired = new CountDownLatch(1);
		long periodNanos = 1_000_000_000L / rate;
		clock.scheduleAtFixedRate(() -> {
			long n = fired.getAndIncrement();
			if (n >= total) {
				return;
			}
			long start = System.nanoTime();
			inFlight.add(api.statusAsync(url, token).thenAccept((status) -> {
				long micros = (System.nanoTime() - start) / 1000;
				if (latency != null) {
					latency.recordValue(micros);
				}
				if (status >= 200 && status < 300) {
					if (ok != null) {
						ok.incrementAndGet();
					}
				}
				else if (status == 429 && refused != null) {
					refused.incrementAndGet();
					refusedLatency.recordValue(micros);
				}
				else {
					errors.merge(status, 1L, Long::sum);
				}
			}));
			if (n == total - 1) {
				// After the last call is in flight, so the joins below see every one.
				allFired.countDown();
			}
		}, 0, periodNanos, TimeUnit.NANOSECONDS);
		allFired.await();
		clock.shutdownNow();
		for (CompletableFuture<?> call : inFlight) {
			call.join();
		}
		return total;
	}
}
