package jp.nop.cx.registration.partner;

/**
 * Where a registration stands. An application is {@code SUBMITTED} until NOP decides (Art. 2.1);
 * on approval the same record is the partner, active until its termination takes effect.
 */
public enum PartnerStatus {

	SUBMITTED, REJECTED, APPROVED, TERMINATION_SCHEDULED, TERMINATED;

	/** A partner whose IDs work: approved, termination not yet in effect. */
	public boolean isActivePartner() {
		return this == APPROVED || this == TERMINATION_SCHEDULED;
	}

	/** Whether the record is (or was) a partner rather than only an application. */
	public boolean isPartner() {
		return this == APPROVED || this == TERMINATION_SCHEDULED || this == TERMINATED;
	}
}
