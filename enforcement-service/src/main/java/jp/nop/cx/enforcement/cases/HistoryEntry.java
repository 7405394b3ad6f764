package jp.nop.cx.enforcement.cases;

import java.time.Instant;

/**
 * One line of a case's history: what happened, when, by whom. {@code note} is what the partner
 * was told; {@code internalNote} is NOP's own and never leaves the operator's view.
 *
 * @param measureId the measure concerned, if any
 * @param proposalId the resumption proposal concerned, if any
 */
public record HistoryEntry(Instant at, String by, Action action, String measureId, String proposalId, String note,
		String internalNote) {

	HistoryEntry(Instant at, String by, Action action, String measureId, String note) {
		this(at, by, action, measureId, null, note, null);
	}

	/** What happened. */
	public enum Action {

		OPENED, MEASURE_IMPOSED, DAMAGES_CLAIMED, RESOLVED, MEASURES_LIFTED, RESUMPTION_PROPOSED, RESUMPTION_AGREED,
		RESUMPTION_REFUSED, RESUMPTION_LAPSED

	}
}
