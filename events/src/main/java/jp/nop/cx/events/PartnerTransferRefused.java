package jp.nop.cx.events;

import java.time.Instant;

/** Art. 17: NOP did not consent to the transfer; the partner stays as it is. Carries NOP's reason. */
public record PartnerTransferRefused(String partnerId, String transferId, String transfereeCompanyName,
		String reason, String refusedBy, Instant refusedAt) implements CxEvent {

	@Override
	public String partitionKey() {
		return this.partnerId;
	}
}
