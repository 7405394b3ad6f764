package jp.nop.cx.gateway.activity;

import java.time.Instant;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

import jp.nop.cx.events.TermsChanged;

import org.springframework.stereotype.Component;

/**
 * Art. 16: the instants at which terms versions (base or supplements) take effect, from
 * {@code terms-changed}. Small: one instant per published version.
 */
@Component
public class TermsCalendar {

	private final NavigableSet<Instant> effectiveFroms = new ConcurrentSkipListSet<>();

	public void apply(TermsChanged changed) {
		if (changed.effectiveFrom() != null) {
			this.effectiveFroms.add(changed.effectiveFrom());
		}
	}

	/** Whether a version took effect after {@code after} and no later than {@code upTo}. */
	public boolean tookEffectBetween(Instant after, Instant upTo) {
		Instant next = this.effectiveFroms.higher(after);
		return next != null && !next.isAfter(upTo);
	}

	/** The latest known effective instant, or null. */
	public Instant latest() {
		return this.effectiveFroms.isEmpty() ? null : this.effectiveFroms.last();
	}
}
