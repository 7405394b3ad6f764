package jp.nop.cx.enforcement.cases;

import java.time.Instant;

import jp.nop.cx.enforcement.capability.Scope;

/** A measure in force, with the case it belongs to: one line of a partner's standing. */
public record ActiveMeasure(String measureId, String caseId, Category category, MeasureType type, Scope scope,
		Integer requestsPerSecond, String note, Instant imposedAt) {

	static ActiveMeasure of(EnforcementCase kase, Measure measure) {
		return new ActiveMeasure(measure.measureId(), kase.caseId(), kase.category(), measure.type(),
				measure.scope(), measure.requestsPerSecond(), measure.note(), measure.imposedAt());
	}
}
