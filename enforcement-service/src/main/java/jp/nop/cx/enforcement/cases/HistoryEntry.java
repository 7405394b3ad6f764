package jp.nop.cx.enforcement.cases;

import java.time.Instant;

/** One line of a case's history: what happened, when, by whom, with the note given. */
public record HistoryEntry(Instant at, String by, Action action, String measureId, String note) {

	/** What happened. */
	public enum Action {

		OPENED, MEASURE_IMPOSED, DAMAGES_CLAIMED, RESOLVED, MEASURES_LIFTED

	}
}
