package jp.nop.cx.enforcement.cases;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.PartnerStanding;

/**
 * What a partner's measures in force add up to, across all its cases: the most restrictive wins
 * (a full suspension over a partial one, over a throttle, over a warning). Of several throttles
 * the lowest rate applies. Without measures in force the partner is in GOOD standing.
 */
public record Standing(StandingStatus status, boolean suspendedAll, List<Capability> suspendedCapabilities,
		Integer throttleRequestsPerSecond, List<ActiveMeasure> activeMeasures, Instant updatedAt) {

	public Standing {
		suspendedCapabilities = (suspendedCapabilities != null) ? List.copyOf(suspendedCapabilities) : List.of();
		activeMeasures = (activeMeasures != null) ? List.copyOf(activeMeasures) : List.of();
	}

	/** A partner no measure applies to; {@code since} is null when it never had one. */
	public static Standing good(Instant since) {
		return new Standing(StandingStatus.GOOD, false, List.of(), null, List.of(), since);
	}

	public static Standing derive(List<ActiveMeasure> active, Instant at) {
		boolean suspendedAll = active.stream()
			.anyMatch((m) -> m.type() == MeasureType.SUSPENSION && m.scope().all());
		List<Capability> capabilities = active.stream()
			.filter((m) -> m.type() == MeasureType.SUSPENSION && !m.scope().all())
			.flatMap((m) -> m.scope().capabilities().stream())
			.distinct()
			.sorted()
			.toList();
		Integer throttle = active.stream()
			.filter((m) -> m.type() == MeasureType.THROTTLE)
			.map(ActiveMeasure::requestsPerSecond)
			.min(Comparator.naturalOrder())
			.orElse(null);
		boolean warned = active.stream().anyMatch((m) -> m.type() == MeasureType.WARNING);
		StandingStatus status = suspendedAll ? StandingStatus.SUSPENDED
				: !capabilities.isEmpty() ? StandingStatus.PARTIALLY_SUSPENDED
						: (throttle != null) ? StandingStatus.THROTTLED
								: warned ? StandingStatus.WARNED : StandingStatus.GOOD;
		return new Standing(status, suspendedAll, capabilities, throttle, active, at);
	}

	/** Whether both say the same, whenever they were derived. */
	public boolean sameAs(Standing other) {
		return other != null && this.status == other.status && this.suspendedAll == other.suspendedAll
				&& this.suspendedCapabilities.equals(other.suspendedCapabilities)
				&& Objects.equals(this.throttleRequestsPerSecond, other.throttleRequestsPerSecond)
				&& this.activeMeasures.equals(other.activeMeasures);
	}

	PartnerStanding toEvent(String partnerId) {
		return new PartnerStanding(partnerId, this.status.name(), this.suspendedAll, this.suspendedCapabilities,
				this.throttleRequestsPerSecond,
				this.activeMeasures.stream()
					.map((m) -> new PartnerStanding.ActiveMeasure(m.measureId(), m.caseId(), m.type().name(),
							m.category().name()))
					.toList(),
				this.updatedAt);
	}
}
