package jp.nop.cx.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Delays before each attempt of a delivery. The default is Svix's schedule: immediately, 5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; after the last attempt the delivery has failed.
 */
public record RetrySchedule(List<Duration> delays) {

	public RetrySchedule {
		if (delays == null || delays.isEmpty()) {
			throw new IllegalArgumentException("A retry schedule needs at least one attempt");
		}
		delays = List.copyOf(delays);
	}

	/** The delay before the first attempt. */
	public Duration first() {
		return this.delays.get(0);
	}

	/** The delay before the next attempt after {@code attemptsMade} attempts, none when they are used up. */
	public Optional<Duration> delayAfter(int attemptsMade) {
		return (attemptsMade < this.delays.size()) ? Optional.of(this.delays.get(attemptsMade)) : Optional.empty();
	}

	public int maxAttempts() {
		return this.delays.size();
	}
}
