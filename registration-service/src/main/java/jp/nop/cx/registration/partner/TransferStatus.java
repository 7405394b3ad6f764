package jp.nop.cx.registration.partner;

/** Art. 17: a transfer waits for NOP's written consent; nothing moves before it. */
public enum TransferStatus {

	REQUESTED,
	CONSENTED,
	REFUSED,
	/** The partnership ended before NOP decided. */
	LAPSED
}
