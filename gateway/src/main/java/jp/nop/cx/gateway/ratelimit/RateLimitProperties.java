package jp.nop.cx.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Art. 7.1(3): how much traffic one partner, or one anonymous client address, may send.
 *
 * @param partner the limit of each partner (all its login IDs together)
 * @param anonymous the limit of each client address without a token
 * @param operatorsExempt whether operators' requests are never limited
 * @param excessiveLoad when refusals add up to a sustained excess worth an operator's look
 * @param idleExpiry how long the limiter of a key that sends nothing is kept
 * @param redisUrl the Redis all gateway instances share their buckets in ({@code CX_REDIS_URL},
 * e.g. {@code redis://localhost:6379}); empty: this instance's memory
 */
@ConfigurationProperties("cx.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue Limit partner, @DefaultValue Limit anonymous,
		@DefaultValue("true") boolean operatorsExempt, @DefaultValue ExcessiveLoad excessiveLoad,
		@DefaultValue("10m") Duration idleExpiry, String redisUrl) {

	/**
	 * A token bucket: {@code burst} requests at once, refilled at {@code requestsPerSecond}.
	 */
	public record Limit(@DefaultValue("50") int requestsPerSecond, @DefaultValue("100") int burst) {

		public Limit {
			if (requestsPerSecond < 1 || burst < 1) {
				throw new IllegalArgumentException("A rate limit needs at least 1 request per second and a burst of 1");
			}
		}

		/** A throttle measure (Art. 7.2(3)): exactly that many requests per second, no burst beyond. */
		public static Limit throttle(int requestsPerSecond) {
			int rate = Math.max(1, requestsPerSecond);
			return new Limit(rate, rate);
		}
	}

	/**
	 * @param rejections refusals of one partner that count as a sustained excess
	 * @param window the time they must fall within
	 */
	public record ExcessiveLoad(@DefaultValue("100") int rejections, @DefaultValue("10s") Duration window) {
	}
}
