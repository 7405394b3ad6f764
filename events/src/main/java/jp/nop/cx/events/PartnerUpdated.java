package jp.nop.cx.events;

import java.time.Instant;

/** Art. 3: the partner's registration information changed. */
public record PartnerUpdated(String partnerId, String companyName, String contactName, String contactEmail,
		String preferredLanguage, String updatedBy, Instant updatedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
