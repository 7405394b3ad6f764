package jp.nop.cx.registration.partner;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A transfer request (Art. 17): the partner, who transfers (as it was then) and to whom. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferView(String id, TransferStatus status, String partnerId, Company transferor,
		Transferee transferee, String reason, String requestedBy, Instant requestedAt, Decision decision) {

	public static TransferView of(Transfer transfer, String partnerId) {
		return new TransferView(transfer.transferId(), transfer.status(), partnerId, transfer.transferor(),
				transfer.transferee(), transfer.reason(), transfer.requestedBy(), transfer.requestedAt(),
				transfer.decision());
	}
}
