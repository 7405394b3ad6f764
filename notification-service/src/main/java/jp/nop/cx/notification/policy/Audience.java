package jp.nop.cx.notification.policy;

/** Who a notice is for; the event and the partner projection say where that is. */
public enum Audience {

	/** The partner's registered contact (from the projection, or from the event that carries it). */
	PARTNER_CONTACT,

	/** Someone who applied and is not a partner (yet): the contact in the application. */
	APPLICANT,

	/** The person a login ID was issued to: the address in {@code credential-issued}. */
	CREDENTIAL_HOLDER,

	/** Every partner that is active in the projection when the notice is written. */
	ALL_ACTIVE_PARTNERS,

	/** NOP's operators ({@code cx.notification.operator-email}). */
	OPERATOR,

	/** The partner that transferred its status (its previous contact). */
	TRANSFEROR,

	/** The company that received the status (the new contact). */
	TRANSFEREE,

	/** Nobody: the table records a deliberate silence and the article or reason for it. */
	NONE;

	/** Whether notices to this audience concern one partner, so they may use its inbox and webhook. */
	public boolean isPartner() {
		return this == PARTNER_CONTACT || this == ALL_ACTIVE_PARTNERS || this == TRANSFEREE;
	}
}
