package jp.nop.cx.events;

import java.time.Instant;

/** Art. 2.1: NOP declined an application. Keyed by application ID. */
public record RegistrationRejected(String applicationId, String companyName, String contactName,
		String contactEmail, String preferredLanguage, String reason, String rejectedBy, Instant rejectedAt)
		implements CxEvent {

	@Override
	public String partitionKey() {
		return this.applicationId;
	}
}
