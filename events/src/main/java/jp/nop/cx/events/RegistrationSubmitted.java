package jp.nop.cx.events;

import java.time.Instant;

/** Art. 3: an application for registration was received. Keyed by application ID (no partner yet). */
public record RegistrationSubmitted(String applicationId, String companyName, String corporateNumber,
		String contactName, String contactEmail, String preferredLanguage, String termsVersion,
		Instant termsAcceptedAt, String clientIp, String userAgent, Instant submittedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.applicationId;
	}
}
