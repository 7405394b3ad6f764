package jp.nop.cx.enforcement.cases;

import java.time.Instant;

/**
 * Art. 7.5: the partner's answer to a case: a statement that the cause is removed and the time it
 * proposes for resuming. NOP agrees (the case is resolved with that time) or declines with a
 * reason; a proposal still open when NOP resolves the case alone lapses.
 *
 * @param decision NOP's answer; null while {@link Status#PENDING}
 */
public record ResumptionProposal(String proposalId, String statement, Instant proposedResumeAt, String proposedBy,
		Instant proposedAt, Status status, Decision decision) {

	/** Where a proposal stands. */
	public enum Status {

		PENDING, AGREED, REFUSED, LAPSED

	}

	/**
	 * NOP's answer: {@code reason} is what the partner is told (why not, or a note with the
	 * agreement); {@code internalNote} stays with NOP.
	 */
	public record Decision(String decidedBy, Instant decidedAt, String reason, String internalNote) {
	}

	public boolean isPending() {
		return this.status == Status.PENDING;
	}

	ResumptionProposal decided(Status outcome, Decision decision) {
		return new ResumptionProposal(this.proposalId, this.statement, this.proposedResumeAt, this.proposedBy,
				this.proposedAt, outcome, decision);
	}
}
