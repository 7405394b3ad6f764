package jp.nop.cx.terms.acceptance;

/** How a partner came to accept a version. */
public enum AcceptanceMethod {

	/** Agreed in so many words: at application (Art. 3) or through the portal. */
	EXPLICIT,

	/** Art. 2.2, 16.3: used the service after the version took effect. */
	DEEMED_BY_USE

}
