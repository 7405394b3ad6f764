package jp.nop.cx.events;

import java.time.Instant;

/** Art. 7.2: the partner's rate limit was lowered. */
public record PartnerThrottled(String partnerId, String caseId, String measureId, String category,
		int requestsPerSecond, String note, Instant throttledAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
