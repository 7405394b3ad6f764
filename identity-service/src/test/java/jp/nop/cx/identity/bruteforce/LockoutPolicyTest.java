package jp.nop.cx.identity.bruteforce;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutPolicyTest {

	private static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

	private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofSeconds(60), Duration.ofMinutes(15),
			Duration.ofHours(12));

	@Test
	void fourFailuresDoNotLock() {
		LoginFailures state = fail(LoginFailures.none("cx-a"), 4, T0);
		assertThat(state.failures()).isEqualTo(4);
		assertThat(state.lockedAt(T0)).isFalse();
	}

	@Test
	void fifthFailureLocksForSixtySeconds() {
		LoginFailures state = fail(LoginFailures.none("cx-a"), 5, T0);
		assertThat(this.policy.remainingLock(state, T0)).isEqualTo(Duration.ofSeconds(60));
		assertThat(state.lockedAt(T0.plusSeconds(59))).isTrue();
		assertThat(state.lockedAt(T0.plusSeconds(60))).isFalse();
	}

	@Test
	void eachFurtherLockWaitsTwiceAsLongUpToFifteenMinutes() {
		assertThat(this.policy.waitForLockout(1)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.policy.waitForLockout(2)).isEqualTo(Duration.ofSeconds(120));
		assertThat(this.policy.waitForLockout(3)).isEqualTo(Duration.ofSeconds(240));
		assertThat(this.policy.waitForLockout(4)).isEqualTo(Duration.ofSeconds(480));
		assertThat(this.policy.waitForLockout(5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.policy.waitForLockout(1000)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void tenthFailureLocksForTwoMinutes() {
		LoginFailures state = fail(LoginFailures.none("cx-a"), 5, T0);
		Instant afterLock = T0.plusSeconds(60);
		state = fail(state, 5, afterLock);
		assertThat(state.failures()).isEqualTo(10);
		assertThat(this.policy.remainingLock(state, afterLock)).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void twelveQuietHoursStartTheCountAgain() {
		LoginFailures state = fail(LoginFailures.none("cx-a"), 9, T0);
		Instant quiet = T0.plus(Duration.ofHours(12));
		state = this.policy.afterFailure(state, quiet);
		assertThat(state.failures()).isEqualTo(1);
		assertThat(state.lockedAt(quiet)).isFalse();
	}

	@Test
	void justUnderTwelveHoursKeepsCounting() {
		LoginFailures state = fail(LoginFailures.none("cx-a"), 4, T0);
		state = this.policy.afterFailure(state, T0.plus(Duration.ofHours(12)).minusSeconds(1));
		assertThat(state.failures()).isEqualTo(5);
		assertThat(state.lockedUntil()).isNotNull();
	}

	@Test
	void recordIsForgottenOnlyAfterTheLockAndTheQuietPeriod() {
		LoginFailures state = fail(LoginFailures.none("cx-a"), 5, T0);
		assertThat(state.forgetAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
	}

	private LoginFailures fail(LoginFailures state, int times, Instant at) {
		LoginFailures current = state;
		for (int i = 0; i < times; i++) {
			current = this.policy.afterFailure(current, at);
		}
		return current;
	}
}
