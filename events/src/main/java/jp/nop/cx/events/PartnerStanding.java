package jp.nop.cx.events;

import java.time.Instant;
import java.util.List;

/**
 * The partner's current standing, derived from its active measures; the compacted topic keeps
 * the latest per partner so the gateway can rebuild its view at start.
 */
public record PartnerStanding(String partnerId, String status, boolean suspendedAll,
		List<Capability> suspendedCapabilities, Integer throttleRequestsPerSecond, List<ActiveMeasure> activeMeasures,
		Instant updatedAt) implements CxEvent {

	/** One measure in force. */
	public record ActiveMeasure(String measureId, String caseId, String type, String category) {
	}

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
