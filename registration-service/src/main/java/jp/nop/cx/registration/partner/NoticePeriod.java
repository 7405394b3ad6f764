package jp.nop.cx.registration.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The notice a termination needs (Art. 12.1: by NOP's deadline; Art. 12.2: with prior notice):
 * the partnership may end no earlier than {@code days} calendar days after today, where "today"
 * and the effective date are days in Asia/Tokyo, whatever the time zone of the server.
 */
public record NoticePeriod(int days) {

	/** Day-based rules of the terms are computed in Japan (SPEC section 5). */
	public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	public NoticePeriod {
		if (days < 0) {
			throw new IllegalArgumentException("A notice period cannot be negative: " + days);
		}
	}

	/** Today in Tokyo at {@code now}. */
	public static LocalDate today(Instant now) {
		return LocalDate.ofInstant(now, TOKYO);
	}

	/** The first day a termination noticed at {@code now} may take effect. */
	public LocalDate earliestEffectiveOn(Instant now) {
		return today(now).plusDays(this.days);
	}

	public boolean allows(LocalDate effectiveOn, Instant now) {
		return !effectiveOn.isBefore(earliestEffectiveOn(now));
	}

	/** The instant a termination effective on {@code day} takes effect: 00:00 of that day in Tokyo. */
	public static Instant startOf(LocalDate day) {
		return day.atStartOfDay(TOKYO).toInstant();
	}
}
