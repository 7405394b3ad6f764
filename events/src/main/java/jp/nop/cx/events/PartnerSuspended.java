package jp.nop.cx.events;

import java.time.Instant;
import java.util.List;

/** Art. 7.2: use suspended, wholly ({@code all}) or for the named capabilities. */
public record PartnerSuspended(String partnerId, String caseId, String measureId, String category, boolean all,
		List<Capability> capabilities, String note, Instant suspendedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
