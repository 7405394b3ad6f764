package jp.nop.cx.events;

import java.time.Instant;

/**
 * Art. 7.5: the partner states that the cause of a case's measures is removed and proposes when
 * the service should resume; NOP is to agree or decline.
 */
public record ResumptionProposed(String partnerId, String caseId, String proposalId, String category,
		String statement, Instant proposedResumeAt, String proposedBy, Instant proposedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
