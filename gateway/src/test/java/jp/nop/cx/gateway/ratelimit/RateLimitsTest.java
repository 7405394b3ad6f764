package jp.nop.cx.gateway.ratelimit;

import java.time.Duration;
import java.util.stream.IntStream;

import jp.nop.cx.gateway.ratelimit.RateLimitProperties.ExcessiveLoad;
import jp.nop.cx.gateway.ratelimit.RateLimitProperties.Limit;
import jp.nop.cx.gateway.ratelimit.RateLimits.Decision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateLimitsTest {

	private static final Limit DEFAULT = new Limit(50, 100);

	private final RateLimits limits = new RateLimits(new RateLimitProperties(DEFAULT, DEFAULT, true,
			new ExcessiveLoad(100, Duration.ofSeconds(10)), Duration.ofMinutes(10), null));

	@Test
	void aBurstOfTheBucketSizePassesAndTheNextIsRefused() {
		IntStream.range(0, 100)
			.forEach((i) -> assertThat(this.limits.acquire("partner:p-1", DEFAULT).allowed()).as("request %d", i)
				.isTrue());

		Decision refused = this.limits.acquire("partner:p-1", DEFAULT);

		assertThat(refused.allowed()).isFalse();
		assertThat(refused.limit()).isEqualTo(100);
		assertThat(refused.remaining()).isZero();
		// 100 permits per 2 s: back within the 2 s period.
		assertThat(refused.resetSeconds()).isBetween(1L, 2L);
	}

	@Test
	void eachKeyHasItsOwnBucket() {
		IntStream.range(0, 100).forEach((i) -> this.limits.acquire("partner:p-1", DEFAULT));

		assertThat(this.limits.acquire("partner:p-2", DEFAULT).allowed()).isTrue();
	}

	@Test
	void aThrottleTakesEffectOnTheNextRequest() {
		assertThat(this.limits.acquire("partner:p-1", DEFAULT).remaining()).isEqualTo(99);

		Decision throttled = this.limits.acquire("partner:p-1", Limit.throttle(2));

		assertThat(throttled.limit()).isEqualTo(2);
		assertThat(throttled.remaining()).isEqualTo(1);
		assertThat(this.limits.acquire("partner:p-1", Limit.throttle(2)).allowed()).isTrue();
		assertThat(this.limits.acquire("partner:p-1", Limit.throttle(2)).allowed()).isFalse();
	}

	@Test
	void aThrottleOfNothingStillLetsOneRequestPerSecondThrough() {
		assertThat(Limit.throttle(0)).isEqualTo(new Limit(1, 1));
	}

	@Test
	void aLimitNeedsAtLeastOneRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Limit(0, 10));
	}
}
