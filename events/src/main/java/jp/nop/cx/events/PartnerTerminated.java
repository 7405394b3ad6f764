package jp.nop.cx.events;

import java.time.Instant;
import java.time.LocalDate;

/** Art. 12: the partnership ended on its effective date; the partner's IDs stop working. */
public record PartnerTerminated(String partnerId, String initiatedBy, LocalDate effectiveOn, Instant terminatedAt)
		implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
