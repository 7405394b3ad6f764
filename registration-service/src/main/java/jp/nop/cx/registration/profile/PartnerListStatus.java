package jp.nop.cx.registration.profile;

import jp.nop.cx.registration.partner.PartnerStatus;

/** The statuses of a partner an operator filters by. */
public enum PartnerListStatus {

	ACTIVE(PartnerStatus.APPROVED), TERMINATION_SCHEDULED(PartnerStatus.TERMINATION_SCHEDULED),
	TERMINATED(PartnerStatus.TERMINATED);

	private final PartnerStatus status;

	PartnerListStatus(PartnerStatus status) {
		this.status = status;
	}

	PartnerStatus status() {
		return this.status;
	}
}
