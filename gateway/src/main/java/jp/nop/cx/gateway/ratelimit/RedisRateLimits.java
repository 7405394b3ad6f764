package jp.nop.cx.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import jp.nop.cx.gateway.ratelimit.RateLimitProperties.Limit;
import jp.nop.cx.gateway.ratelimit.RateLimits.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The same token buckets as {@link RateLimits}, kept in Redis with Bucket4j (compare-and-swap on
 * one key per bucket), so every gateway instance takes from the same bucket. A limit is part of
 * the key: a throttle imposed or lifted (Art. 7.2, 7.5) starts a fresh bucket at once. Should
 * Redis not answer, this instance falls back to its own buckets: limits still apply, per
 * instance, rather than none at all or none passing.
 */
final class RedisRateLimits implements Limiter, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RedisRateLimits.class);

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	private final RedisClient client;

	private final StatefulRedisConnection<byte[], byte[]> connection;

	private final AsyncProxyManager<byte[]> buckets;

	private final Limiter fallback;

	RedisRateLimits(String redisUrl, Limiter fallback) {
		this.client = RedisClient.create(redisUrl);
		this.client.setDefaultTimeout(TIMEOUT);
		this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
		this.buckets = Bucket4jLettuce.casBasedBuilder(this.connection)
			// A bucket that has refilled completely holds nothing worth keeping.
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
			.build()
			.asAsync();
		this.fallback = fallback;
	}

	@Override
	public Mono<Decision> take(String key, Limit limit) {
		byte[] redisKey = ("cx:rate:" + key + ":" + limit.requestsPerSecond() + "/" + limit.burst())
			.getBytes(StandardCharsets.UTF_8);
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(limit.burst())
				.refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)))
			.build();
		CompletableFuture<ConsumptionProbe> probe = this.buckets.builder()
			.build(redisKey, () -> CompletableFuture.completedFuture(configuration))
			.tryConsumeAndReturnRemaining(1);
		return Mono.fromFuture(probe)
			.timeout(TIMEOUT)
			.map((result) -> decision(result, limit))
			.onErrorResume((ex) -> {
				log.warn("Shared rate limits unavailable ({}); this gateway limits on its own", ex.toString());
				return this.fallback.take(key, limit);
			});
	}

	private static Decision decision(ConsumptionProbe probe, Limit limit) {
		long nanos = probe.isConsumed() ? TimeUnit.SECONDS.toNanos(1) / limit.requestsPerSecond()
				: probe.getNanosToWaitForRefill();
		long seconds = Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
		return new Decision(probe.isConsumed(), limit.burst(), (int) Math.max(0, probe.getRemainingTokens()), seconds);
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

}
