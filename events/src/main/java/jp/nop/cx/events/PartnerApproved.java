package jp.nop.cx.events;

import java.time.Instant;

/** Art. 2.1: NOP approved an application; the applicant is now a partner. */
public record PartnerApproved(String partnerId, String applicationId, String companyName, String corporateNumber,
		String contactName, String contactEmail, String preferredLanguage, String termsVersion,
		Instant termsAcceptedAt, String approvedBy, Instant approvedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
