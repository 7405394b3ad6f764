package jp.nop.cx.identity.credential;

/** The {@code reason} of {@code credential-revoked} and {@code credential-deleted}. */
public enum RevocationReason {

	/** Art. 4.3: reported lost, stolen or misused. */
	COMPROMISED,

	/** Art. 4.2: the partner's administrator removed the ID. */
	REMOVED_BY_ADMIN,

	/** Art. 4.5: not used for the configured period. */
	DORMANT,

	/** Art. 12: the partnership ended. */
	PARTNER_TERMINATED,

	/** Art. 17: the partner's status passed to another company. */
	PARTNER_TRANSFERRED,

	/** An operator issued a fresh activation: tokens from before it no longer count. */
	REISSUED

}
