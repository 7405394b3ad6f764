package jp.nop.cx.identity.credential;

/** Why an activation link was sent: the {@code purpose} of {@code credential-issued}. */
public enum IssuePurpose {

	/** Art. 4.1: NOP provides the administrator ID on approval. */
	PARTNER_APPROVED,

	/** Art. 4.2: the administrator created a further ID. */
	MEMBER_CREATED,

	/** Art. 4.3: an operator issued a fresh activation, e.g. after a loss report. */
	REISSUE,

	/** Art. 17: the transferee's new administrator ID. */
	TRANSFER

}
