package jp.nop.cx.registration.application;

import java.util.List;

import jp.nop.cx.registration.partner.PartnerStatus;

/** An application as the review sees it: open, approved (whatever became of the partner since) or rejected. */
public enum ApplicationStatus {

	SUBMITTED(List.of(PartnerStatus.SUBMITTED)),
	APPROVED(List.of(PartnerStatus.APPROVED, PartnerStatus.TERMINATION_SCHEDULED, PartnerStatus.TERMINATED)),
	REJECTED(List.of(PartnerStatus.REJECTED));

	private final List<PartnerStatus> statuses;

	ApplicationStatus(List<PartnerStatus> statuses) {
		this.statuses = statuses;
	}

	List<PartnerStatus> statuses() {
		return this.statuses;
	}

	static ApplicationStatus of(PartnerStatus status) {
		for (ApplicationStatus candidate : values()) {
			if (candidate.statuses.contains(status)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException(status.name());
	}
}
