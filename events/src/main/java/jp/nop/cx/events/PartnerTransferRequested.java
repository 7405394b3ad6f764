package jp.nop.cx.events;

import java.time.Instant;

/** Art. 17: the partner asked NOP's consent to transfer its status; nothing moves until NOP consents. */
public record PartnerTransferRequested(String partnerId, String transferId, String companyName,
		String transfereeCompanyName, String transfereeCorporateNumber, String reason, String requestedBy,
		Instant requestedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
