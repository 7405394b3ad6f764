package jp.nop.cx.enforcement.standing;

import java.time.Instant;
import java.util.List;

import jp.nop.cx.enforcement.capability.ScopeRequest;
import jp.nop.cx.enforcement.cases.ActiveMeasure;
import jp.nop.cx.enforcement.cases.Category;
import jp.nop.cx.enforcement.cases.MeasureType;
import jp.nop.cx.enforcement.cases.Standing;
import jp.nop.cx.enforcement.cases.StandingStatus;
import jp.nop.cx.events.Capability;

/**
 * A partner's standing as both the operator and the partner itself see it: the status, what is
 * suspended or throttled, and the measures in force with the notes the partner was given.
 * Nothing in it names the operators who acted.
 */
public record StandingView(String partnerId, StandingStatus status, boolean suspendedAll,
		List<Capability> suspendedCapabilities, Integer throttleRequestsPerSecond, List<ActiveMeasureView> activeMeasures,
		Instant updatedAt) {

	public static StandingView of(String partnerId, Standing standing) {
		return new StandingView(partnerId, standing.status(), standing.suspendedAll(),
				standing.suspendedCapabilities(), standing.throttleRequestsPerSecond(),
				standing.activeMeasures().stream().map(ActiveMeasureView::of).toList(), standing.updatedAt());
	}

	/** A measure in force. */
	public record ActiveMeasureView(String measureId, String caseId, MeasureType type, Category category,
			ScopeRequest.View scope, Integer requestsPerSecond, String note, Instant imposedAt) {

		static ActiveMeasureView of(ActiveMeasure measure) {
			return new ActiveMeasureView(measure.measureId(), measure.caseId(), measure.type(), measure.category(),
					ScopeRequest.View.of(measure.scope()), measure.requestsPerSecond(), measure.note(),
					measure.imposedAt());
		}
	}
}
