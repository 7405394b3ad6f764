package jp.nop.cx.identity.bruteforce;

import java.time.Duration;
import java.time.Instant;

/**
 * Temporary lockout in the manner of Keycloak's brute force detection: every {@code maxFailures}
 * failures lock the ID; the first lock lasts {@code baseWait}, each further one twice as long
 * as the one before, never longer than {@code maxWait}. After {@code failureReset} without a
 * failure the count starts again, and so does the wait.
 */
public record LockoutPolicy(int maxFailures, Duration baseWait, Duration maxWait, Duration failureReset) {

	public LoginFailures afterFailure(LoginFailures state, Instant now) {
		boolean quietLongEnough = state.lastFailureAt() != null
				&& !now.isBefore(state.lastFailureAt().plus(this.failureReset));
		int failures = (quietLongEnough ? 0 : state.failures()) + 1;
		Instant lockedUntil = quietLongEnough ? null : state.lockedUntil();
		if (failures % this.maxFailures == 0) {
			lockedUntil = now.plus(waitForLockout(failures / this.maxFailures));
		}
		Instant forgetAt = now.plus(this.failureReset);
		if (lockedUntil != null && lockedUntil.isAfter(forgetAt)) {
			forgetAt = lockedUntil;
		}
		return new LoginFailures(state.key(), failures, now, lockedUntil, forgetAt, state.version());
	}

	/** The wait of the {@code lockout}-th lock (1-based): base, 2×base, 4×base ... capped. */
	public Duration waitForLockout(int lockout) {
		if (lockout < 1) {
			return Duration.ZERO;
		}
		// Past 2^30 the cap has long been reached; stop before the shift overflows.
		int doublings = Math.min(lockout - 1, 30);
		Duration wait = this.baseWait.multipliedBy(1L << doublings);
		return (wait.compareTo(this.maxWait) > 0) ? this.maxWait : wait;
	}

	/** What is left of a lock at {@code now}, zero when there is none. */
	public Duration remainingLock(LoginFailures state, Instant now) {
		return state.lockedAt(now) ? Duration.between(now, state.lockedUntil()) : Duration.ZERO;
	}
}
