package jp.nop.cx.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of SPEC section 4: one topic, one versioned CloudEvents type and one payload
 * record per event. A schema for each lives at {@code schemas/<topic>.schema.json}.
 */
public enum EventType {

	REGISTRATION_SUBMITTED("registration-submitted", "registration.submitted", RegistrationSubmitted.class),
	REGISTRATION_REJECTED("registration-rejected", "registration.rejected", RegistrationRejected.class),
	PARTNER_APPROVED("partner-approved", "partner.approved", PartnerApproved.class),
	PARTNER_UPDATED("partner-updated", "partner.updated", PartnerUpdated.class),
	PARTNER_TERMINATION_SCHEDULED("partner-termination-scheduled", "partner.termination-scheduled",
			PartnerTerminationScheduled.class),
	PARTNER_TERMINATED("partner-terminated", "partner.terminated", PartnerTerminated.class),
	PARTNER_TRANSFERRED("partner-transferred", "partner.transferred", PartnerTransferred.class),
	PARTNER_TRANSFER_REQUESTED("partner-transfer-requested", "partner.transfer-requested",
			PartnerTransferRequested.class),
	PARTNER_TRANSFER_REFUSED("partner-transfer-refused", "partner.transfer-refused", PartnerTransferRefused.class),
	CREDENTIAL_ISSUED("credential-issued", "credential.issued", CredentialIssued.class),
	CREDENTIAL_COMPROMISED("credential-compromised", "credential.compromised", CredentialCompromised.class),
	CREDENTIAL_REVOKED("credential-revoked", "credential.revoked", CredentialRevoked.class),
	CREDENTIAL_DELETED("credential-deleted", "credential.deleted", CredentialDeleted.class),
	CREDENTIAL_LOCKED("credential-locked", "credential.locked", CredentialLocked.class),
	TERMS_CHANGED("terms-changed", "terms.changed", TermsChanged.class),
	TERMS_ACCEPTED("terms-accepted", "terms.accepted", TermsAccepted.class),
	PARTNER_WARNED("partner-warned", "partner.warned", PartnerWarned.class),
	PARTNER_SUSPENDED("partner-suspended", "partner.suspended", PartnerSuspended.class),
	PARTNER_THROTTLED("partner-throttled", "partner.throttled", PartnerThrottled.class),
	PARTNER_REINSTATED("partner-reinstated", "partner.reinstated", PartnerReinstated.class),
	RESUMPTION_PROPOSED("resumption-proposed", "enforcement.resumption-proposed", ResumptionProposed.class),
	RESUMPTION_DECIDED("resumption-decided", "enforcement.resumption-decided", ResumptionDecided.class),
	PARTNER_STANDING("partner-standing", "partner.standing", PartnerStanding.class),
	SERVICE_STATUS_CHANGED("service-status-changed", "service-status.changed", ServiceStatusChanged.class),
	EXCESSIVE_LOAD_DETECTED("excessive-load-detected", "partner.excessive-load-detected",
			ExcessiveLoadDetected.class),
	PARTNER_ACTIVITY("partner-activity", "partner.activity", PartnerActivity.class),
	AUDIT_RECORDED("audit-recorded", "audit.recorded", AuditRecorded.class);

	/** Prefix of every {@code ce_type}; the suffix {@code .v1} versions the payload. */
	public static final String TYPE_PREFIX = "jp.nop.cx.";

	private final String topic;

	private final String ceType;

	private final Class<? extends CxEvent> payloadType;

	EventType(String topic, String name, Class<? extends CxEvent> payloadType) {
		this.topic = topic;
		this.ceType = TYPE_PREFIX + name + ".v1";
		this.payloadType = payloadType;
	}

	public String topic() {
		return this.topic;
	}

	public String ceType() {
		return this.ceType;
	}

	public Class<? extends CxEvent> payloadType() {
		return this.payloadType;
	}

	/** Path of the JSON Schema on the classpath. */
	public String schemaResource() {
		return "schemas/" + this.topic + ".schema.json";
	}

	public static EventType of(CxEvent event) {
		return ofPayload(event.getClass()).orElseThrow(
				() -> new IllegalArgumentException("Not a catalogued event: " + event.getClass().getName()));
	}

	public static Optional<EventType> ofPayload(Class<?> type) {
		return Arrays.stream(values()).filter((t) -> t.payloadType == type).findFirst();
	}

	public static Optional<EventType> ofTopic(String topic) {
		return Arrays.stream(values()).filter((t) -> t.topic.equals(topic)).findFirst();
	}

	public static Optional<EventType> ofCeType(String ceType) {
		return Arrays.stream(values()).filter((t) -> t.ceType.equals(ceType)).findFirst();
	}
}
