package jp.nop.cx.events;

import java.time.Instant;

/**
 * Art. 7.5: NOP answered a resumption proposal. {@code outcome} AGREED: the case is resolved and
 * the measures lift at {@code resumeAt}; REFUSED: the measures stay, {@code reason} says why, and
 * NOP may decide the time itself.
 */
public record ResumptionDecided(String partnerId, String caseId, String proposalId, String outcome,
		Instant resumeAt, String reason, String decidedBy, Instant decidedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
