package jp.nop.cx.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Art. 12: a termination was scheduled (by the partner, 12.1, or by NOP with prior notice, 12.2),
 * or a scheduled one was withdrawn ({@code withdrawn = true}). {@code initiatedBy}: PARTNER | NOP.
 */
public record PartnerTerminationScheduled(String partnerId, String initiatedBy, LocalDate effectiveOn,
		String reason, boolean withdrawn, Instant scheduledAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
