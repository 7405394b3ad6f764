package jp.nop.cx.gateway.enforcement;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.PartnerStanding;
import jp.nop.cx.events.PartnerStanding.ActiveMeasure;

import org.springframework.stereotype.Component;

/**
 * Art. 7.2, 7.3, 7.5: the measures in force per partner, as the compacted {@code partner-standing}
 * topic last said. Only standings that restrict something are kept; a warning changes nothing at
 * the gateway, and a reinstated partner is simply forgotten.
 */
@Component
public class PartnerStandings {

	private final ConcurrentMap<String, PartnerStanding> restricted = new ConcurrentHashMap<>();

	public void apply(PartnerStanding standing) {
		if (standing.partnerId() == null) {
			return;
		}
		if (restricts(standing)) {
			this.restricted.merge(standing.partnerId(), standing, PartnerStandings::newer);
		}
		else {
			// Art. 7.5: the measures were lifted; the partner may use the service again.
			this.restricted.remove(standing.partnerId());
		}
	}

	/** Art. 7.2(2): the suspension that stops this partner from using {@code capability}, if any. */
	public Optional<Suspension> suspension(String partnerId, Capability capability) {
		PartnerStanding standing = (partnerId != null) ? this.restricted.get(partnerId) : null;
		if (standing == null) {
			return Optional.empty();
		}
		List<Capability> capabilities = suspendedCapabilities(standing);
		if (!standing.suspendedAll() && !capabilities.contains(capability)) {
			return Optional.empty();
		}
		ActiveMeasure measure = (standing.activeMeasures() != null) ? standing.activeMeasures()
			.stream()
			.filter((m) -> "SUSPENSION".equalsIgnoreCase(m.type()))
			.findFirst()
			.orElse(null) : null;
		return Optional.of(new Suspension(partnerId, (measure != null) ? measure.measureId() : null,
				(measure != null) ? measure.caseId() : null, standing.suspendedAll(), capabilities));
	}

	/** Art. 7.2(3): the lowered rate limit of a throttled partner, in requests per second. */
	public OptionalInt throttle(String partnerId) {
		PartnerStanding standing = (partnerId != null) ? this.restricted.get(partnerId) : null;
		return (standing != null && standing.throttleRequestsPerSecond() != null)
				? OptionalInt.of(standing.throttleRequestsPerSecond()) : OptionalInt.empty();
	}

	private static boolean restricts(PartnerStanding standing) {
		return standing.suspendedAll() || !suspendedCapabilities(standing).isEmpty()
				|| standing.throttleRequestsPerSecond() != null;
	}

	/** Within a partition (one partner) the topic is ordered; this only guards a late replay. */
	private static PartnerStanding newer(PartnerStanding current, PartnerStanding candidate) {
		if (current.updatedAt() != null && candidate.updatedAt() != null
				&& candidate.updatedAt().isBefore(current.updatedAt())) {
			return current;
		}
		return candidate;
	}

	private static List<Capability> suspendedCapabilities(PartnerStanding standing) {
		return (standing.suspendedCapabilities() != null) ? standing.suspendedCapabilities() : List.of();
	}

	/**
	 * A suspension in force: the measure and case that imposed it and its scope, which the 403
	 * names so the partner knows what happened and where to read more.
	 */
	public record Suspension(String partnerId, String measureId, String caseId, boolean all,
			List<Capability> capabilities) {
	}
}
