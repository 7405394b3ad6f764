package jp.nop.cx.gateway.activity;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Decides which requests become {@code partner-activity} events: the first of a login ID, then at
 * most one per interval, except that the first request after a terms version took effect is
 * always reported at once. Art. 2.2, 16.3: that use is the partner's deemed acceptance of the new
 * version, and it must be recorded as the first use, not up to a minute later.
 */
class ActivitySampler {

	private final Duration interval;

	private final TermsCalendar terms;

	/** Last publication per login ID; an entry older than the interval may as well be absent. */
	private final Cache<String, Instant> lastPublished;

	ActivitySampler(Duration interval, TermsCalendar terms) {
		this.interval = interval;
		this.terms = terms;
		this.lastPublished = Caffeine.newBuilder().expireAfterWrite(interval).build();
	}

	/** Whether the use of {@code loginId} at {@code now} is to be published; records it if so. */
	boolean sample(String loginId, Instant now) {
		Instant last = this.lastPublished.getIfPresent(loginId);
		if (last != null && now.isBefore(last.plus(this.interval)) && !this.terms.tookEffectBetween(last, now)) {
			// Nearly every request: a read, no write to the cache (a compute on every request took
			// a bin lock and Caffeine's write buffer for an entry that did not change).
			return false;
		}
		boolean[] publish = { false };
		this.lastPublished.asMap().compute(loginId, (id, previous) -> {
			if (previous == null || !now.isBefore(previous.plus(this.interval))
					|| this.terms.tookEffectBetween(previous, now)) {
				publish[0] = true;
				return now;
			}
			return previous;
		});
		return publish[0];
	}
}
