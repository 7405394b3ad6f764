package jp.nop.cx.registration.partner;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A scheduled end of the partnership (Art. 12).
 *
 * @param effectiveOn the day the partnership ends, a date in Asia/Tokyo
 * @param takesEffectAt the start of that day in Asia/Tokyo, as an instant
 * @param initiatedBy the partner (12.1) or NOP (12.2)
 * @param requestedBy the login ID that gave the notice
 */
public record Termination(LocalDate effectiveOn, Instant takesEffectAt, Party initiatedBy, String reason,
		String requestedBy, Instant scheduledAt) {
}
