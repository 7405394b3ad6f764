package jp.nop.cx.enforcement.cases;

import java.time.Instant;

import jp.nop.cx.enforcement.capability.Scope;

/**
 * A measure imposed in a case (Art. 7.2). It stays in force until the case's resolution lifts it
 * (Art. 7.3, 7.5); nothing else ends it. {@code note} is what the partner is told;
 * {@code internalNote} is NOP's own.
 */
public record Measure(String measureId, MeasureType type, Scope scope, Integer requestsPerSecond, String note,
		String imposedBy, Instant imposedAt, Instant liftedAt, String internalNote) {

	public boolean isActive() {
		return this.liftedAt == null;
	}

	Measure liftedAt(Instant at) {
		return new Measure(this.measureId, this.type, this.scope, this.requestsPerSecond, this.note, this.imposedBy,
				this.imposedAt, at, this.internalNote);
	}
}
