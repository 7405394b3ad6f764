package jp.nop.cx.notification.partner;

/** Whether a partner still receives notices addressed to every partner. */
public enum PartnerStatus {

	/** Approved (Art. 2.1) and not terminated. */
	ACTIVE,

	/** Terminated (Art. 12). */
	INACTIVE
}
