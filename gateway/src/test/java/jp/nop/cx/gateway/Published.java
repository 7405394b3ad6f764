package jp.nop.cx.gateway;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.nop.cx.events.Capability;
import jp.nop.cx.events.CredentialRevoked;
import jp.nop.cx.events.CxEvent;
import jp.nop.cx.events.EventType;
import jp.nop.cx.events.PartnerStanding;
import jp.nop.cx.events.PartnerStanding.ActiveMeasure;
import jp.nop.cx.events.ServiceStatusChanged;
import jp.nop.cx.events.TermsChanged;
import jp.nop.cx.test.TopicProbe;

/** Events as the other services publish them, on the shared broker. */
final class Published {

	private Published() {
	}

	static void event(CxEvent event) {
		EventType type = EventType.of(event);
		TopicProbe.publish(type.topic(), event.partitionKey(), UUID.randomUUID().toString(), type.ceType(), event);
	}

	static PartnerStanding suspendedAll(String partnerId, String measureId, String caseId) {
		return standing(partnerId, "SUSPENDED", true, List.of(), null,
				List.of(new ActiveMeasure(measureId, caseId, "SUSPENSION", "TERMS_VIOLATION")));
	}

	static PartnerStanding suspended(String partnerId, String measureId, String caseId, List<Capability> capabilities) {
		return standing(partnerId, "PARTIALLY_SUSPENDED", false, capabilities, null,
				List.of(new ActiveMeasure(measureId, caseId, "SUSPENSION", "SERVICE_OBSTRUCTION")));
	}

	static PartnerStanding throttled(String partnerId, int requestsPerSecond) {
		return standing(partnerId, "THROTTLED", false, List.of(), requestsPerSecond,
				List.of(new ActiveMeasure("m-" + partnerId, "c-" + partnerId, "THROTTLE",
						"EXCESSIVE_LOAD_OR_UNAUTHORIZED_ACCESS")));
	}

	static PartnerStanding good(String partnerId) {
		return standing(partnerId, "GOOD", false, List.of(), null, List.of());
	}

	static PartnerStanding standing(String partnerId, String status, boolean all, List<Capability> capabilities,
			Integer throttle, List<ActiveMeasure> measures) {
		return new PartnerStanding(partnerId, status, all, capabilities, throttle, measures, Instant.now());
	}

	static ServiceStatusChanged serviceEvent(String eventId, String kind, String reason, List<Capability> capabilities,
			Instant startsAt, Instant endsAt) {
		return new ServiceStatusChanged(eventId, kind, reason, capabilities.isEmpty(), capabilities, startsAt, endsAt,
				false, "SCHEDULED", Instant.now());
	}

	static ServiceStatusChanged ended(ServiceStatusChanged event) {
		return new ServiceStatusChanged(event.eventId(), event.kind(), event.reason(), event.all(),
				event.capabilities(), event.startsAt(), event.endsAt(), event.urgent(), "ENDED", Instant.now());
	}

	/** identity-service's record of a revocation that brought the ID to {@code generation}. */
	static CredentialRevoked revoked(String partnerId, String loginId, long generation, Instant at) {
		return new CredentialRevoked(partnerId, loginId, "STOLEN", at, at, generation);
	}

	static TermsChanged termsChanged(String version, Instant effectiveFrom) {
		return new TermsChanged("BASE", null, version, effectiveFrom, "NOP CX ポータル利用規約 第" + version + "版",
				"第7条の改定", "0".repeat(64), "ja", Instant.now());
	}
}
