package jp.nop.cx.events;

import java.time.Instant;

/** Art. 7.2: NOP warned the partner. */
public record PartnerWarned(String partnerId, String caseId, String measureId, String category, String note,
		Instant issuedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
