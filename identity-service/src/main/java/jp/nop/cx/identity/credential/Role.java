package jp.nop.cx.identity.credential;

/** The roles of SPEC section 2, as they appear in the token's {@code roles} claim. */
public enum Role {

	/** NOP staff. */
	OPERATOR,

	/** Art. 4.1: the partner's administrator ID, issued by NOP. */
	PARTNER_ADMIN,

	/** Art. 4.2: a further ID the administrator creates; its acts are the partner's own. */
	PARTNER_MEMBER

}
