package jp.nop.cx.registration.partner;

import java.time.Instant;

/**
 * A request to transfer the partner's status to a third party (Art. 17), kept inside the
 * partner's document so that consent, the change of the registration and its event are one
 * write.
 *
 * @param transferor the partner's company when the request was made
 */
public record Transfer(String transferId, TransferStatus status, Company transferor, Transferee transferee,
		String reason, String requestedBy, Instant requestedAt, Decision decision) {

	Transfer decided(TransferStatus outcome, Decision decision) {
		return new Transfer(this.transferId, outcome, this.transferor, this.transferee, this.reason,
				this.requestedBy, this.requestedAt, decision);
	}
}
