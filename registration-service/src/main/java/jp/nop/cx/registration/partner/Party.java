package jp.nop.cx.registration.partner;

/** Who ended the partnership: the partner by notice (Art. 12.1) or NOP with prior notice (Art. 12.2). */
public enum Party {
	PARTNER, NOP
}
