package jp.nop.cx.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jp.nop.cx.gateway.ratelimit.RateLimitProperties.Limit;

import org.springframework.stereotype.Component;

/**
 * One Resilience4j {@link RateLimiter} per key (a partner, or a client address), created on first
 * use and forgotten when idle.
 * <p>
 * Resilience4j's limiter hands out {@code limitForPeriod} permits per {@code limitRefreshPeriod}
 * and never accumulates more than {@code limitForPeriod}: a token bucket of that size whose refill
 * arrives in one lump per period. A limit of R requests per second with a burst of B is therefore
 * {@code limitForPeriod = B}, {@code limitRefreshPeriod = B / R} seconds (50/s, burst 100: 100
 * permits every 2 s). The sustained rate is R; up to B pass at once; and, as with any bucket of
 * size B that has just been refilled, up to 2B can pass around a period boundary.
 */
@Component
public class RateLimits {

	private final Cache<String, Bucket> buckets;

	public RateLimits(RateLimitProperties properties) {
		this.buckets = Caffeine.newBuilder().expireAfterAccess(properties.idleExpiry()).build();
	}

	/** Takes one permit from {@code key}'s bucket, (re)created when its limit changed. */
	public Decision acquire(String key, Limit limit) {
		Bucket bucket = this.buckets.getIfPresent(key);
		if (bucket == null || !bucket.limit.equals(limit)) {
			// A throttle measure imposed or lifted (Art. 7.2, 7.5) takes effect on the next request.
			bucket = this.buckets.asMap()
				.compute(key, (k, current) -> (current != null && current.limit.equals(limit)) ? current
						: new Bucket(limit));
		}
		return bucket.acquire();
	}

	/**
	 * The outcome for one request, with what the {@code RateLimit-*} headers report.
	 *
	 * @param allowed whether the request may pass
	 * @param limit the bucket size
	 * @param remaining permits left in the current period
	 * @param resetSeconds seconds until the bucket is refilled (at least 1)
	 */
	public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
	}

	private static final class Bucket {

		private final Limit limit;

		private final long periodNanos;

		/** Taken just before the limiter, which counts its periods from its creation. */
		private final long startNanos;

		private final RateLimiter limiter;

		Bucket(Limit limit) {
			this.limit = limit;
			this.periodNanos = TimeUnit.SECONDS.toNanos(limit.burst()) / limit.requestsPerSecond();
			RateLimiterConfig config = RateLimiterConfig.custom()
				.limitForPeriod(limit.burst())
				.limitRefreshPeriod(Duration.ofNanos(this.periodNanos))
				.timeoutDuration(Duration.ZERO)
				.build();
			this.startNanos = System.nanoTime();
			this.limiter = RateLimiter.of("gateway", config);
		}

		Decision acquire() {
			boolean allowed = this.limiter.acquirePermission();
			int remaining = Math.max(0, this.limiter.getMetrics().getAvailablePermissions());
			long untilRefill = this.periodNanos - ((System.nanoTime() - this.startNanos) % this.periodNanos);
			long seconds = Math.max(1, (untilRefill + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
			return new Decision(allowed, this.limit.burst(), remaining, seconds);
		}
	}
}
