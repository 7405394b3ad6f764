package jp.nop.cx.enforcement.cases;

import java.time.Instant;

/**
 * Art. 7.5: NOP judged the cause resolved. The measures lift at once, or at {@code resumeAt}
 * (the date agreed with the partner, or decided by NOP); {@code liftedAt} is when they did.
 * {@code note} is what the partner is told; {@code internalNote} is NOP's own.
 *
 * @param proposalId the partner's proposal NOP agreed to, when the time was agreed (Art. 7.5)
 */
public record Resolution(String note, Instant resumeAt, String resolvedBy, Instant resolvedAt, Instant liftedAt,
		String internalNote, String proposalId) {

	public boolean liftPending() {
		return this.liftedAt == null;
	}

	Resolution liftedAt(Instant at) {
		return new Resolution(this.note, this.resumeAt, this.resolvedBy, this.resolvedAt, at, this.internalNote,
				this.proposalId);
	}
}
