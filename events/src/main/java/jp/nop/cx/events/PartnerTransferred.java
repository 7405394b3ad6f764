package jp.nop.cx.events;

import java.time.Instant;

/** Art. 17: with NOP's consent the partner's status passed to the transferee. */
public record PartnerTransferred(String partnerId, String transferId, String previousCompanyName,
		String previousContactEmail, String companyName, String corporateNumber, String contactName,
		String contactEmail, String preferredLanguage, Instant transferredAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
